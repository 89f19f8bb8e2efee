import { getInputProps, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { AdminNav } from '~/components/AdminNav'
import { FieldErrors, FormErrors, TextField, useSchemaForm } from '~/components/forms'
import {
  BOARD_NAME_MAX,
  BOUNDS_SETTINGS,
  boundsErrors,
  MODERATION_NUMBER_SETTINGS,
  SettingsSchema,
  SIGNUP_LIMIT_RANGE,
  SIGNUP_LIMIT_SETTINGS,
  TOWN_NAME_MAX,
} from '~/forms/admin'
import { boundsOf } from '~/models/place'
import { getSettings, updateSettings } from '~/models/settings.server'
import { getRequestT } from '~/services/i18n.server'
import { requireAdmin } from '~/services/session.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const [{ t }, settings] = await Promise.all([getRequestT(request), getSettings()])
  const saved = new URL(request.url).searchParams.get('notice') === 'saved'
  return json({ title: t('admin.settings.title'), settings, saved })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const submission = parseWithZod(await request.formData(), { schema: SettingsSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  // The town's box as it would be saved: the bounds sent over the stored ones.
  const bounds = boundsOf({ ...(await getSettings()), ...definedOnly(submission.value) })
  const fieldErrors = boundsErrors(bounds)
  if (Object.keys(fieldErrors).length)
    return json(submission.reply({ fieldErrors }), { status: 400 })
  await updateSettings(submission.value, { actorId: admin.id, ip: context.ip })
  return redirect('/admin/settings?notice=saved')
}

// Every setting typed as a number, shown in its field as the stored value.
const NUMBER_SETTINGS = [
  ...MODERATION_NUMBER_SETTINGS.map((setting) => setting.name),
  ...SIGNUP_LIMIT_SETTINGS,
  ...BOUNDS_SETTINGS,
]

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

function Checkbox({
  field,
  label,
  hint,
}: {
  field: FieldMetadata<boolean | undefined>
  label: string
  hint: string
}) {
  const hintId = `${field.id}-hint`
  const invalid = Boolean(field.errors?.length)
  const { key, ...props } = getInputProps(field, { type: 'checkbox', ariaAttributes: false })
  return (
    <div className="field">
      <div className="choice">
        <input
          key={key}
          {...props}
          aria-invalid={invalid || undefined}
          aria-describedby={[hintId, invalid && field.errorId].filter(Boolean).join(' ')}
        />
        <label htmlFor={field.id}>{label}</label>
      </div>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  )
}

export default function AdminSettings() {
  const { t } = useTranslation()
  const { settings, saved } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'settings',
    schema: SettingsSchema,
    lastResult,
    defaultValue: {
      preModeration: settings.preModeration ? 'on' : '',
      quarantineNewAccounts: settings.quarantineNewAccounts ? 'on' : '',
      ...Object.fromEntries(NUMBER_SETTINGS.map((name) => [name, String(settings[name])])),
      boardName: settings.boardName,
      townName: settings.townName,
      contactEmail: settings.contactEmail,
    },
  })
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.settings.title')}</h1>
      </div>
      <AdminNav />
      {saved && (
        <p className="notice" role="status">
          {t('admin.settings.saved')}
        </p>
      )}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="narrow">
        <FormErrors form={form} />
        <fieldset>
          <legend>{t('admin.settings.moderation')}</legend>
          <Checkbox
            field={fields.preModeration}
            label={t('admin.settings.preModeration')}
            hint={t('admin.settings.preModerationHint')}
          />
          <Checkbox
            field={fields.quarantineNewAccounts}
            label={t('admin.settings.quarantineNewAccounts')}
            hint={t('admin.settings.quarantineNewAccountsHint')}
          />
          {MODERATION_NUMBER_SETTINGS.map(({ name, range }) => (
            <TextField
              key={name}
              field={fields[name]}
              label={t(`admin.settings.${name}`)}
              hint={t(`admin.settings.${name}Hint`, range)}
              inputMode="numeric"
              required
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.signups')}</legend>
          <p className="hint">{t('admin.settings.signupsHint')}</p>
          {SIGNUP_LIMIT_SETTINGS.map((name) => (
            <TextField
              key={name}
              field={fields[name]}
              label={t(`admin.settings.${name}`)}
              hint={t(`admin.settings.${name}Hint`, SIGNUP_LIMIT_RANGE)}
              required
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.board')}</legend>
          <TextField
            field={fields.boardName}
            label={t('admin.settings.boardName')}
            hint={t('admin.settings.maxHint', { max: BOARD_NAME_MAX })}
            required
          />
          <TextField
            field={fields.townName}
            label={t('admin.settings.townName')}
            hint={t('admin.settings.maxHint', { max: TOWN_NAME_MAX })}
            required
          />
          <TextField
            field={fields.contactEmail}
            label={t('admin.settings.contactEmail')}
            type="email"
            hint={t('admin.settings.contactEmailHint')}
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.place')}</legend>
          <p className="hint">{t('admin.settings.boundsHint')}</p>
          {BOUNDS_SETTINGS.map((name) => (
            <TextField
              key={name}
              field={fields[name]}
              label={t(`admin.settings.${name}`)}
              hint={t(
                name === 'boundsSouth' || name === 'boundsNorth'
                  ? 'admin.settings.latitudeHint'
                  : 'admin.settings.longitudeHint',
              )}
              required
            />
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t('admin.settings.save')}
        </button>
      </Form>
    </>
  )
}
