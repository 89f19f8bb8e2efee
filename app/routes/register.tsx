import { getFieldsetProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors, FormErrors, SelectField, TextField, useSchemaForm } from '~/components/forms'
import { PASSWORD_MIN, RegisterSchema } from '~/forms/account'
import { registerAccount, UnknownOrganisation, type Representation } from '~/models/account.server'
import { listJoinableOrganisations } from '~/models/organisation.server'
import { getRequestT } from '~/services/i18n.server'
import { consumeSignup, signupOrigin, withRateLimits } from '~/services/rate-limit.server'
import { getUser } from '~/services/session.server'
import { publicUrl } from '~/env.server'
import { deliverOutbox } from '~/services/mail.server'
import { log } from '~/services/log.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/me')
  const { t } = await getRequestT(request)
  return json({ title: t('register.title'), organisations: await listJoinableOrganisations() })
}

/**
 * A sign-up answers the same whether or not the address has an account (issue 10, item 11):
 * "check your e-mail". A new address gets the welcome mail with the link that confirms it and
 * signs in; an address with an account gets a mail to its owner instead. Nobody is signed in
 * here, since that would tell the two apart.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: RegisterSchema })
  if (submission.status !== 'success') {
    return json(
      { result: submission.reply({ hideFields: ['password'] }), sentTo: null },
      { status: 400 },
    )
  }
  const value = submission.value
  const origin = signupOrigin(context.ip)
  await withRateLimits({ action: 'register', ip: context.rateKey }, () =>
    consumeSignup(origin, value.email),
  )
  const represent: Representation =
    value.represent === 'new' && value.organisationName && value.organisationKind
      ? {
          kind: 'new',
          name: value.organisationName.trim(),
          organisationKind: value.organisationKind,
        }
      : value.represent === 'join' && value.organisationId
        ? { kind: 'join', organisationId: value.organisationId }
        : { kind: 'none' }
  const { locale } = await getRequestT(request)
  try {
    const { created, userId } = await registerAccount({
      name: value.name,
      email: value.email,
      password: value.password,
      represent,
      locale,
      siteUrl: publicUrl().origin,
      ip: context.ip,
      origin,
    })
    log.info(created ? 'register' : 'register_existing', { userId, ip: context.ip })
  } catch (error) {
    if (error instanceof UnknownOrganisation) {
      return json(
        {
          result: submission.reply({
            fieldErrors: { organisationId: ['register.unknownOrganisation'] },
            hideFields: ['password'],
          }),
          sentTo: null,
        },
        { status: 400 },
      )
    }
    throw error
  }
  void deliverOutbox()
  return json({ result: submission.reply({ resetForm: true }), sentTo: value.email })
}

export default function Register() {
  const { t } = useTranslation()
  const { organisations } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'register',
    schema: RegisterSchema,
    lastResult: data?.result,
    defaultValue: { represent: 'none' },
    // Conform shows nothing for a failed browser check of this intersection schema, so the
    // server, which reports every field in one answer, does the checking.
    validateInBrowser: false,
  })
  const represent = fields.represent
  const chosen = represent.value ?? 'none'
  if (data?.sentTo) {
    return (
      <div className="narrow">
        <h1>{t('register.sentTitle')}</h1>
        <div role="status">
          <p>{t('register.sent', { email: data.sentTo })}</p>
          <p>{t('register.sentNext')}</p>
        </div>
        <p>
          {t('register.haveAccount')} <Link to="/login">{t('register.login')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t('register.title')}</h1>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField
          field={fields.name}
          label={t('register.name')}
          hint={t('register.nameHint')}
          autoComplete="name"
          required
        />
        <TextField
          field={fields.email}
          label={t('register.email')}
          type="email"
          autoComplete="email"
          required
        />
        <TextField
          field={fields.password}
          label={t('register.password')}
          type="password"
          hint={t('register.passwordHint', { min: PASSWORD_MIN })}
          autoComplete="new-password"
          required
        />
        <fieldset {...getFieldsetProps(represent)} className="represent">
          <legend>{t('register.represent')}</legend>
          {(['none', 'new', 'join'] as const).map((option) => (
            <div className="choice" key={option}>
              <input
                type="radio"
                id={`${represent.id}-${option}`}
                name={represent.name}
                value={option}
                defaultChecked={chosen === option}
              />
              <label htmlFor={`${represent.id}-${option}`}>
                {t(`register.represent${option[0]!.toUpperCase()}${option.slice(1)}`)}
              </label>
            </div>
          ))}
          <FieldErrors id={represent.errorId} errors={represent.errors} />
        </fieldset>
        <div className="represent-new">
          <TextField
            field={fields.organisationName}
            label={t('register.organisationName')}
            autoComplete="organization"
          />
          <SelectField field={fields.organisationKind} label={t('register.organisationKind')}>
            <option value="">{t('register.organisationKind')}…</option>
            <option value="business">{t('register.kindBusiness')}</option>
            <option value="association">{t('register.kindAssociation')}</option>
          </SelectField>
        </div>
        <div className="represent-join">
          <SelectField
            field={fields.organisationId}
            label={t('register.organisation')}
            hint={t('register.joinHint')}
          >
            <option value="">{t('register.chooseOrganisation')}…</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({t(`kinds.${o.kind}`)})
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit" className="button">
          {t('register.submit')}
        </button>
      </Form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('register.login')}</Link>
      </p>
    </div>
  )
}
