import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { LoginSchema, RegisterSchema, ResetPasswordSchema } from '~/forms/account'
import { slugify } from '~/models/organisation.server'

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(values)) data.append(k, v)
  return data
}

function errors(values: Record<string, string>) {
  const result = parseWithZod(form(values), { schema: RegisterSchema })
  return result.status === 'success' ? {} : (result.reply().error ?? {})
}

const valid = { name: 'Anna Lindqvist', email: 'Anna@Example.se', password: 'en lång lösenfras' }

describe('registration form', () => {
  it('accepts a good form and lower-cases the email', () => {
    const result = parseWithZod(form(valid), { schema: RegisterSchema })
    expect(result.status).toBe('success')
    if (result.status === 'success') expect(result.value.email).toBe('anna@example.se')
  })

  it('refuses a 7-character password and names the limit', () => {
    expect(errors({ ...valid, password: 'abcdefg' }).password).toEqual([
      'errors.passwordShort?min=8',
    ])
  })

  it('refuses a common password in any case', () => {
    expect(errors({ ...valid, password: 'Password123' }).password).toEqual([
      'errors.passwordCommon',
    ])
  })

  it('accepts a long passphrase but not an absurd one', () => {
    expect(errors({ ...valid, password: 'ord '.repeat(60) }).password).toBeUndefined()
    expect(errors({ ...valid, password: 'x'.repeat(1025) }).password).toEqual([
      'errors.tooLong?max=1024',
    ])
  })

  it.each([
    ['empty', ''],
    ['only spaces', '    '],
    ['only zero-width characters', '\u200b\u200b\u200d'],
  ])('refuses a name that is %s', (_label, name) => {
    expect(errors({ ...valid, name }).name).toEqual(['errors.required'])
  })

  it.each([
    ['NUL', 'Anna\u0000'],
    ['right-to-left override', 'Anna\u202egnp.exe'],
    ['a lone surrogate (FormData turns it into U+FFFD)', 'Anna\ud800'],
    ['invalid UTF-8 (decoded as U+FFFD)', 'Anna\ufffd'],
    ['CR/LF', 'Anna\r\nBcc: x@y.se'],
  ])('refuses a name with %s', (_label, name) => {
    expect(errors({ ...valid, name }).name).toEqual(['errors.invalidCharacters'])
  })

  it('names the limit of an overlong name', () => {
    expect(errors({ ...valid, name: 'A'.repeat(10_000) }).name).toEqual(['errors.tooLong?max=80'])
  })

  it('refuses an email with a line break', () => {
    expect(errors({ ...valid, email: 'a@b.se\r\nBcc: c@d.se' }).email).toEqual(['errors.email'])
  })

  it('requires an organisation name and kind when representing a new one', () => {
    const e = errors({ ...valid, represent: 'new' })
    expect(e.organisationName).toEqual(['errors.required'])
    expect(e.organisationKind).toEqual(['errors.choose'])
  })

  it('reports organisation errors together with the other fields', () => {
    const e = errors({ name: '', email: 'nope', password: 'kort', represent: 'new' })
    expect(Object.keys(e).sort()).toEqual([
      'email',
      'name',
      'organisationKind',
      'organisationName',
      'password',
    ])
  })

  it('refuses a kind outside the list with a readable message', () => {
    expect(
      errors({
        ...valid,
        represent: 'new',
        organisationName: 'Bageriet',
        organisationKind: 'government',
      }).organisationKind,
    ).toEqual(['errors.choose'])
    expect(errors({ ...valid, represent: 'join', organisationId: 'abc' }).organisationId).toEqual([
      'errors.choose',
    ])
  })

  it('requires a choice when joining an existing organisation', () => {
    expect(errors({ ...valid, represent: 'join' }).organisationId).toEqual(['errors.choose'])
  })

  it('ignores fields it does not know, such as role', () => {
    const result = parseWithZod(form({ ...valid, role: 'admin' }), { schema: RegisterSchema })
    expect(result.status === 'success' && 'role' in result.value).toBe(false)
  })
})

describe('login and reset forms', () => {
  it('needs an email and a password', () => {
    const result = parseWithZod(form({}), { schema: LoginSchema })
    expect(result.status).toBe('error')
    expect(result.reply().error).toMatchObject({
      email: ['errors.required'],
      password: ['errors.required'],
    })
  })

  it('refuses a reset whose two passwords differ', () => {
    const result = parseWithZod(
      form({ password: 'ett nytt lösenord', confirm: 'ett annat lösenord' }),
      {
        schema: ResetPasswordSchema,
      },
    )
    expect(result.reply().error?.confirm).toEqual(['errors.passwordMismatch'])
  })
})

describe('slugify', () => {
  it('folds Swedish letters and punctuation', () => {
    expect(slugify('Café Måsen & Söner AB')).toBe('cafe-masen-soner-ab')
    expect(slugify('***')).toBe('organisation')
  })
})
