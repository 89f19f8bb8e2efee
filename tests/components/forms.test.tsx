// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { useForm } from '@conform-to/react'
import { render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { TextField } from '~/components/forms'
import { i18nOptions } from '~/i18n'
import en from '~/locales/en.json'
import sv from '~/locales/sv.json'

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ ...i18nOptions, lng: 'sv', resources: { sv: { common: sv }, en: { common: en } } })
})

function NameForm({ errors }: { errors?: string[] }) {
  const [form, fields] = useForm<{ name: string }>({
    id: 'test',
    lastResult: errors
      ? { status: 'error', initialValue: { name: 'Anna' }, error: { name: errors } }
      : undefined,
  })
  return (
    <form id={form.id}>
      <TextField field={fields.name} label="Namn" hint="Visas vid det du skriver." />
    </form>
  )
}

const renderWithI18n = (ui: React.ReactElement) =>
  render(<I18nextProvider i18n={i18next}>{ui}</I18nextProvider>)

describe('TextField', () => {
  it('ties the label and hint to the input', () => {
    renderWithI18n(<NameForm />)
    const input = screen.getByRole('textbox', { name: 'Namn' })
    expect(input).toHaveAccessibleDescription('Visas vid det du skriver.')
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('shows a translated error naming the limit, tied to the input, and keeps the value', async () => {
    renderWithI18n(<NameForm errors={['errors.tooLong?max=80']} />)
    const input = screen.getByRole('textbox', { name: 'Namn' })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Visas vid det du skriver. Högst 80 tecken.')
    expect(input).toHaveValue('Anna')
  })

  it('speaks English when the language is English', async () => {
    await i18next.changeLanguage('en')
    renderWithI18n(<NameForm errors={['errors.required']} />)
    expect(screen.getByText('Fill in this field.')).toBeInTheDocument()
    await i18next.changeLanguage('sv')
  })
})
