import { describe, expect, it } from 'vitest'
import { createTranslator } from '~/i18n-react'
import en from '~/locales/en.json'
import sv from '~/locales/sv.json'
import { getFixedT } from '~/services/i18n.server'

// The pages' small translator must say exactly what i18next says on the server.
describe('the pages translator', () => {
  it.each([
    ['board.votes', { count: 1, formatted: '1' }],
    ['board.votes', { count: 5, formatted: '5' }],
    ['errors.tooLong', { max: 80 }],
    ['me.sessions', { count: 2 }],
    ['home.title', { board: 'Utmana Sjöhamn', town: 'Sjöhamn' }],
    ['status.in_progress', {}],
    ['errorPage.retryAfter', { count: 1 }],
  ])('%s %j matches i18next in both languages', async (key, values) => {
    for (const [language, texts] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      const ours = createTranslator(language, texts).t(key, values)
      const theirs = (await getFixedT(language))(key, values)
      expect(ours).toBe(theirs)
    }
  })

  it('returns arrays with returnObjects and falls back to the key or a default', () => {
    const { t } = createTranslator('sv', sv)
    expect(Array.isArray(t('about.body', { returnObjects: true }))).toBe(true)
    expect(t('no.such.key')).toBe('no.such.key')
    expect(t('no.such.key', { defaultValue: 'Reserv' })).toBe('Reserv')
  })
})
