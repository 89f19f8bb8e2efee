import { Form } from '@remix-run/react'
import { FieldErrors, FormErrors } from '~/components/forms'
import { BanSchema, UnbanSchema } from '~/forms/moderation'
import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import { ReplyErrors, useTriageForm, type TriageData } from './shared'

/** Banning the challenge's author for a number of days, or lifting the ban they are under. */
export function BanSection({ challenge }: { challenge: TriageData['challenge'] }) {
  const { t } = useTranslation()
  if (!challenge.author_id) return null
  const banned =
    challenge.author_banned_until && new Date(challenge.author_banned_until) > new Date()
  return (
    <section aria-labelledby="ban">
      <h2 id="ban">{t('triage.ban.heading', { name: challenge.author_name ?? '' })}</h2>
      {banned ? (
        <UnbanForm userId={challenge.author_id} until={challenge.author_banned_until!} />
      ) : (
        <BanForm userId={challenge.author_id} />
      )}
    </section>
  )
}

function UnbanForm(props: { userId: number; until: string }) {
  const { t, i18n } = useTranslation()
  const [form] = useTriageForm('unban', UnbanSchema)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <ReplyErrors form={form} />
      <input type="hidden" name="intent" value="unban" />
      <input type="hidden" name="userId" value={props.userId} />
      <p>{t('triage.ban.until', { date: formatDateTime(props.until, i18n.language) })}</p>
      <button type="submit" className="button secondary">
        {t('triage.ban.lift')}
      </button>
    </Form>
  )
}

function BanForm(props: { userId: number }) {
  const { t } = useTranslation()
  const [form, fields] = useTriageForm('ban', BanSchema)
  const daysInvalid = Boolean(fields.days.errors?.length)
  const reasonInvalid = Boolean(fields.reason.errors?.length)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <FieldErrors id="ban-user-error" errors={fields.userId.errors} />
      <input type="hidden" name="intent" value="ban" />
      <input type="hidden" name="userId" value={props.userId} />
      <div className="field">
        <label htmlFor="ban-days">{t('triage.ban.days')}</label>
        <input
          key={fields.days.key}
          id="ban-days"
          name={fields.days.name}
          type="number"
          min={1}
          max={3650}
          defaultValue={String(fields.days.initialValue ?? 7)}
          aria-invalid={daysInvalid || undefined}
          aria-describedby={daysInvalid ? 'ban-days-error' : undefined}
        />
        <FieldErrors id="ban-days-error" errors={fields.days.errors} />
      </div>
      <div className="field">
        <label htmlFor="ban-reason">{t('triage.ban.reason')}</label>
        <input
          key={fields.reason.key}
          id="ban-reason"
          name={fields.reason.name}
          type="text"
          maxLength={500}
          defaultValue={String(fields.reason.initialValue ?? '')}
          aria-invalid={reasonInvalid || undefined}
          aria-describedby={reasonInvalid ? 'ban-reason-error' : undefined}
        />
        <FieldErrors id="ban-reason-error" errors={fields.reason.errors} />
      </div>
      <button type="submit" className="button secondary">
        {t('triage.ban.submit')}
      </button>
    </Form>
  )
}
