import { describe, expect, it } from 'vitest'
import { renderMarkdown, summarise } from '~/services/markdown.server'
import { inertProblems as inspect, MARKDOWN_VECTORS as VECTORS } from '../helpers/xss'

describe('renderMarkdown', () => {
  it.each(VECTORS)('renders %j inert', (vector) => {
    expect(inspect(renderMarkdown(vector))).toEqual([])
  })

  it('keeps ordinary Markdown and marks links as user content', () => {
    const html = renderMarkdown(
      '**Kvällsbuss** till hamnen\n\n- linje 3\n- linje 7\n\n[Tidtabell](https://example.se/tider)',
    )
    expect(html).toContain('<strong>Kvällsbuss</strong>')
    expect(html).toContain('<li>linje 3</li>')
    expect(html).toContain(
      '<a href="https://example.se/tider" rel="nofollow ugc noopener">Tidtabell</a>',
    )
  })

  it('moves headings below the page headings', () => {
    expect(renderMarkdown('# Stor\n\n## Mindre')).toBe('<h3>Stor</h3>\n<h3>Mindre</h3>')
  })

  it('keeps the text of a removed tag readable', () => {
    expect(renderMarkdown('<b>hej</b> <u>då</u>')).toContain('hej')
  })
})

describe('summarise', () => {
  it('gives plain text cut at a word', () => {
    const summary = summarise(renderMarkdown(`**Fet** text & ${'ord '.repeat(100)}`), 40)
    expect(summary.startsWith('Fet text & ord')).toBe(true)
    expect(summary.length).toBeLessThanOrEqual(41)
    expect(summary.endsWith('…')).toBe(true)
  })

  it('keeps words on separate lines, list items and cells apart', () => {
    expect(summarise(renderMarkdown('rad ett\nrad två\nrad tre'))).toBe('rad ett rad två rad tre')
    expect(summarise(renderMarkdown('Stycke ett.\n\n- punkt a\n- punkt b'))).toBe(
      'Stycke ett. punkt a punkt b',
    )
    expect(summarise(renderMarkdown('| a | b |\n|---|---|\n| c | d |'))).toBe('a b c d')
  })
})
