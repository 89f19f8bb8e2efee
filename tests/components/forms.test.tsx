// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { useForm } from '@conform-to/react'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { TextField } from '~/components/forms'
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
