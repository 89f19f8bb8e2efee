import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { StatusBadge } from '~/components/StatusBadge'
import { parseId } from '~/forms/challenge'
import { BanSchema } from '~/forms/moderation'
import { getUserRecord } from '~/models/moderation-page.server'
import { banForDays, setBan } from '~/models/bans.server'
import { getRequestT } from '~/services/i18n.server'
import { requireModerator } from '~/services/session.server'
import { formatDateTime } from '~/utils/format'
import { isBanned } from '~/utils/policy'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

async function load(rawId: string | undefined) {
  const id = parseId(rawId)
  const record = id ? await getUserRecord(id) : undefined
  if (!record) throw json({}, { status: 404 })
  return record
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireModerator(request)
  const record = await load(params.id)
  const { t } = await getRequestT(request)
  return json({ title: t('userRecord.title', { name: record.user.name }), ...record })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const { user } = await load(params.id)
  const form = await request.formData()
  if (form.get('intent') === 'unban') {
    const lifted = await setBan(moderator, {
      userId: user.id,
      until: null,
      reason: null,
      ip: context.ip,
    })
    if (lifted === 'forbidden') throw json({}, { status: 403 })
    return redirect(`/moderation/users/${user.id}`)
  }
  const submission = parseWithZod(form, { schema: BanSchema })
  if (submission.status !== 'success')
    return json({ errors: Object.values(submission.reply().error ?? {}).flat() }, { status: 400 })
  const banned = await banForDays(moderator, {
    userId: user.id,
    days: submission.value.days,
    reason: submission.value.reason,
    ip: context.ip,
  })
  if (banned === 'forbidden') throw json({}, { status: 403 })
  return redirect(`/moderation/users/${user.id}`)
}

export default function UserRecord() {
  const { t, i18n } = useTranslation()
  const { user, challenges, solutions, comments, flagsMade, flagsReceived } =
    useLoaderData<typeof loader>()
  const errors = useActionData<typeof action>()?.errors
  const banned = isBanned(user.banned_until)
  const when = (iso: string) => formatDateTime(iso, i18n.language)
  return (
    <div className="wide">
      <p>
        <Link to="/moderation">{t('triage.back')}</Link>
      </p>
      <h1>{user.name}</h1>
      <p className="meta">
        {user.email} · {t(`roles.${user.role}`)} · {t('me.memberSince')} {when(user.created_at)}
      </p>
      <section aria-labelledby="ban">
        <h2 id="ban">{t('triage.ban.heading', { name: user.name })}</h2>
        {errors && (
          <div className="form-errors" role="alert">
            {errors.map((e) => (
              <p key={String(e)}>{t(String(e).split('?')[0]!)}</p>
            ))}
          </div>
        )}
        {banned ? (
          <Form method="post">
            <p>
              {t('triage.ban.until', { date: when(user.banned_until!) })} {user.ban_reason}
            </p>
            <button type="submit" name="intent" value="unban" className="button secondary">
              {t('triage.ban.lift')}
            </button>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="userId" value={user.id} />
            <div className="field">
              <label htmlFor="ban-days">{t('triage.ban.days')}</label>
              <input id="ban-days" name="days" type="number" min={1} max={3650} defaultValue={7} />
            </div>
            <div className="field">
              <label htmlFor="ban-reason">{t('triage.ban.reason')}</label>
              <input id="ban-reason" name="reason" type="text" maxLength={500} />
            </div>
            <button type="submit" className="button secondary">
              {t('triage.ban.submit')}
            </button>
          </Form>
        )}
      </section>
      <section aria-labelledby="posts">
        <h2 id="posts">{t('userRecord.posts')}</h2>
        <ul>
          {challenges.map((c) => (
            <li key={`c${c.id}`}>
              <Link to={`/moderation/challenges/${c.id}`}>{c.title}</Link>{' '}
              <StatusBadge status={c.status} />
              {c.hidden_at && <> · {t('moderation.hidden')}</>} · {when(c.created_at)}
            </li>
          ))}
          {solutions.map((s) => (
            <li key={`s${s.id}`}>
              <Link to={`/moderation/challenges/${s.challenge_id}`}>
                {t('moderation.subject.solution')} #{s.id}
              </Link>
              {s.hidden_at && <> · {t('moderation.hidden')}</>} · {when(s.created_at)}
            </li>
          ))}
          {comments.map((c) => (
            <li key={`m${c.id}`}>
              <Link to={`/moderation/challenges/${c.challenge_id}`}>
                {t('moderation.subject.comment')} #{c.id}
              </Link>
              {c.hidden_at && <> · {t('moderation.hidden')}</>}
              {c.deleted_at && <> · {t('challenge.commentRemoved')}</>} · {when(c.created_at)}
            </li>
          ))}
        </ul>
      </section>
      <FlagList
        id="flags-received"
        heading={t('userRecord.flagsReceived', { count: flagsReceived.length })}
        flags={flagsReceived}
      />
      <FlagList
        id="flags-made"
        heading={t('userRecord.flagsMade', { count: flagsMade.length })}
        flags={flagsMade}
      />
    </div>
  )
}

/** Flags about this person's posts, or flags they raised: each links to its challenge's triage. */
function FlagList(props: {
  id: string
  heading: string
  flags: Array<{
    id: number
    challenge_id: number
    subject_type: string
    subject_id: number
    reason: string
    created_at: string
  }>
}) {
  const { t, i18n } = useTranslation()
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <ul>
        {props.flags.map((f) => (
          <li key={f.id}>
            <Link to={`/moderation/challenges/${f.challenge_id}`}>
              {t(`moderation.subject.${f.subject_type}`)} #{f.subject_id}
            </Link>
            : {t(`flagReasons.${f.reason}`)} · {formatDateTime(f.created_at, i18n.language)}
          </li>
        ))}
      </ul>
    </section>
  )
}
