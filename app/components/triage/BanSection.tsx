import { Form } from '@remix-run/react'
import { FieldErrors, FormErrors, TextField } from '~/components/forms'
import { BanSchema, UnbanSchema } from '~/forms/moderation'
import { useTranslation } from '~/i18n-react'
import { formatDateTime } from '~/utils/format'
import { isBanned } from '~/utils/policy'
import { ReplyErrors, useTriageForm, type TriageData } from './shared'

/** Banning the challenge's author for a number of days, or lifting the ban they are under. */
export function BanSection({ challenge }: { challenge: TriageData['challenge'] }) {
  const { t } = useTranslation()
  if (!challenge.author_id) return null
  const banned = isBanned(challenge.author_banned_until)
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

// A week unless the moderator says otherwise.
const BAN_DEFAULTS = { days: '7' }

function BanForm(props: { userId: number }) {
  const { t } = useTranslation()
  const [form, fields] = useTriageForm('ban', BanSchema, BAN_DEFAULTS)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <FieldErrors id="ban-user-error" errors={fields.userId.errors} />
      <input type="hidden" name="intent" value="ban" />
      <input type="hidden" name="userId" value={props.userId} />
      <TextField id="ban-days" field={fields.days} label={t('triage.ban.days')} type="number" />
      <TextField id="ban-reason" field={fields.reason} label={t('triage.ban.reason')} />
      <button type="submit" className="button secondary">
        {t('triage.ban.submit')}
      </button>
    </Form>
  )
}
