// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { useForm } from '@conform-to/react'
import { render, screen } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SelectField, TextField, useSchemaForm } from '~/components/forms'
import { createTranslator, TranslationProvider, type Translator } from '~/i18n-react'
import en from '~/locales/en.json'
import sv from '~/locales/sv.json'

let translator: Translator = createTranslator('sv', sv)

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
  render(<TranslationProvider value={translator}>{ui}</TranslationProvider>)

describe('TextField', () => {
  it('ties the label and hint to the input', () => {
    renderWithI18n(<NameForm />)
    const input = screen.getByRole('textbox', { name: 'Namn' })
    expect(input).toHaveAccessibleDescription('Visas vid det du skriver.')
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('shows a translated error naming the limit, tied to the input, and keeps the value', () => {
    renderWithI18n(<NameForm errors={['errors.tooLong?max=80']} />)
    const input = screen.getByRole('textbox', { name: 'Namn' })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Visas vid det du skriver. Högst 80 tecken.')
    expect(input).toHaveValue('Anna')
  })

  it('speaks English when the language is English', () => {
    translator = createTranslator('en', en)
    renderWithI18n(<NameForm errors={['errors.required']} />)
    expect(screen.getByText('Fill in this field.')).toBeInTheDocument()
    translator = createTranslator('sv', sv)
  })
})

// The Nu HTML Checker's findings (issue 10, item 13): HTML allows `required` on a select only
// with an empty first option, and min/max only on number and date inputs.
const SettingsSchema = z.object({
  days: z.number().int().min(1).max(50),
  category: z.string(),
  role: z.string(),
})

function SettingsForm() {
  const [form, fields] = useSchemaForm({ id: 'settings', schema: SettingsSchema })
  return (
    <form id={form.id}>
      <TextField field={fields.days} label="Dagar" />
      <SelectField field={fields.category} label="Kategori">
        <option value="">Välj …</option>
        <option value="1">Trafik</option>
      </SelectField>
      <SelectField field={fields.role} label="Roll">
        {['member', 'admin'].map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </SelectField>
    </form>
  )
}

describe('valid HTML from the schema', () => {
  it('keeps required on a select that starts with an empty choice, and drops it on one that always holds a value', () => {
    renderWithI18n(<SettingsForm />)
    expect(screen.getByRole('combobox', { name: 'Kategori' })).toBeRequired()
    expect(screen.getByRole('combobox', { name: 'Roll' })).not.toBeRequired()
  })

  it('puts no min or max on a text field for a number', () => {
    renderWithI18n(<SettingsForm />)
    const days = screen.getByRole('textbox', { name: 'Dagar' })
    expect(days).toHaveAttribute('type', 'text')
    expect(days).not.toHaveAttribute('min')
    expect(days).not.toHaveAttribute('max')
  })
})

// Found by the form fuzz (issue 10): a select field sent twice came back from the server with two
// `selected` options, which a single select cannot hold (invalid HTML, and React warns).
function RepeatedRoleForm() {
  const [form, fields] = useForm<{ role: string }>({
    id: 'repeated',
    lastResult: {
      status: 'error',
      initialValue: { role: ['member', 'admin'] },
      error: { role: ['errors.invalid'] },
    },
  })
  return (
    <form id={form.id}>
      <SelectField field={fields.role} label="Roll">
        <option value="member">member</option>
        <option value="admin">admin</option>
      </SelectField>
    </form>
  )
}

describe('a select field sent twice', () => {
  it('comes back with one chosen option, the first sent', () => {
    const html = renderToStaticMarkup(
      <TranslationProvider value={translator}>
        <RepeatedRoleForm />
      </TranslationProvider>,
    )
    expect(html.match(/selected=""/g)).toHaveLength(1)
    expect(html).toMatch(/<option value="member" selected="">/)
  })
})
