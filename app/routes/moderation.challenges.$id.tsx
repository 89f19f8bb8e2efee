import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors } from '~/components/forms'
import { StatusBadge } from '~/components/StatusBadge'
import { TriageForm } from '~/components/moderation/TriageForm'
import { publicUrl } from '~/env.server'
import { parseId } from '~/forms/challenge'
import { DECISION_MAX, DisputeDecisionSchema } from '~/forms/dispute'
import { decideDispute } from '~/models/dispute.server'
import { getAuditNames } from '~/models/audit-names.server'
import { decideAutoHidden } from '~/models/auto-hidden.server'
import { describeAudit } from '~/utils/audit-sentence'
import {
  AutoHiddenSchema,
  BanSchema,
  HideSchema,
  MergeSchema,
  NoteSchema,
  RestoreSchema,
  TriageSchema,
} from '~/forms/moderation'
import { HIDE_REASONS } from '~/models/moderation-constants'
import { getTemplateBody, getTriage, listActiveTemplates } from '~/models/moderation-page.server'
import { decideAppeal } from '~/models/appeals.server'
import { setBan } from '~/models/bans.server'
import { dismissFlags } from '~/models/flag.server'
import { addInternalNote } from '~/models/internal-notes.server'
import { MergeRefused, mergeChallenge } from '~/models/merge.server'
import { hidePost, restorePost } from '~/models/moderation-visibility.server'
import { postOfficialResponse } from '~/models/official-response.server'
import { isPostOf } from '~/models/post-kinds.server'
import { StaleForm, TriageRefused, triageChallenge } from '~/models/triage.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { requireModerator } from '~/services/session.server'
import { formatDateTime } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { markdown } from '~/forms/challenge'
import { z } from 'zod'
import { msg } from '~/forms/fields'

export const meta = titleMeta

const ResponseSchema = z.object({ body: markdown(5000) })
const AppealDecisionSchema = z.object({
  appealId: z.coerce.number().int().positive(),
  restore: z.enum(['yes', 'no']),
  note: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .max(1000, msg('errors.tooLong', { max: 1000 }))
      .optional(),
  ),
})

async function load(id: string | undefined) {
  const challengeId = parseId(id)
  const triage = challengeId ? await getTriage(challengeId) : undefined
  if (!triage) throw json({}, { status: 404 })
  return triage
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireModerator(request)
  const triage = await load(params.id)
  const [{ t }, categories, areas, templates] = await Promise.all([
    getRequestT(request),
    listCategories(),
    listAreas(),
    listActiveTemplates(),
  ])
  const url = new URL(request.url)
  return json({
    title: t('triage.title', { title: triage.challenge.title }),
    ...triage,
    auditNames: await getAuditNames(triage.audit),
    categories,
    areas,
    templates,
    notice: url.searchParams.get('notice'),
  })
}

type Reply = {
  intent: string
  errors: string[]
  /** Conform's reply, for the forms it manages. */
  result?: SubmissionResult<string[]>
  disputeId?: number
  note?: string
}

/** What the triage form says under the field the server refused. */
const TRIAGE_REFUSALS = {
  departmentId: 'errors.choose',
  contactUserId: 'triage.contactNotInDepartment',
  categoryId: 'errors.choose',
  areaId: 'errors.choose',
  status: 'triage.statusRefused',
  withdrawn: 'triage.withdrawnRefused',
} as const
const invalid = (intent: string, errors: string[], status = 400, extra: Partial<Reply> = {}) =>
  json<Reply>({ intent, errors, ...extra }, { status })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const { challenge } = await load(params.id)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const { locale } = await getRequestT(request)
  const siteUrl = publicUrl().origin
  // A post named in a form must belong to the challenge in the URL.
  const belongsHere = (post: {
    subjectType: 'challenge' | 'solution' | 'comment'
    subjectId: number
  }) => isPostOf(challenge.id, post)
  const done = (notice: string) =>
    redirect(`/moderation/challenges/${challenge.id}?notice=${notice}`)
  const fieldErrors = (submission: {
    reply: () => { error?: Record<string, string[] | null> | null }
  }) => Object.values(submission.reply().error ?? {}).flatMap((e) => e ?? [])

  switch (intent) {
    case 'triage': {
      const submission = parseWithZod(form, { schema: TriageSchema })
      const refuse = (status: number, reply: Parameters<typeof submission.reply>[0]) =>
        json<Reply>({ intent, errors: [], result: submission.reply(reply) }, { status })
      if (submission.status !== 'success') return refuse(400, {})
      const v = submission.value
      const message =
        v.message ?? (v.templateId ? await getTemplateBody(v.templateId, locale) : null)
      try {
        await triageChallenge(moderator, {
          challengeId: challenge.id,
          version: v.version,
          change: {
            status: v.status,
            message,
            departmentId: v.departmentId ?? null,
            contactUserId: v.contactUserId ?? null,
            priority: v.priority,
            categoryId: v.categoryId,
            areaId: v.areaId,
          },
          ip: context.ip,
        })
      } catch (error) {
        if (error instanceof StaleForm) return refuse(409, { formErrors: ['triage.stale'] })
        if (error instanceof TriageRefused) {
          const text = TRIAGE_REFUSALS[error.field]
          return error.field === 'status' || error.field === 'withdrawn'
            ? refuse(400, { formErrors: [text] })
            : refuse(400, { fieldErrors: { [error.field]: [text] } })
        }
        throw error
      }
      return done('saved')
    }
    case 'note': {
      const submission = parseWithZod(form, { schema: NoteSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      await addInternalNote(moderator, challenge.id, submission.value.body)
      return done('noted')
    }
    case 'respond': {
      const submission = parseWithZod(form, { schema: ResponseSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      await postOfficialResponse(moderator, {
        challengeId: challenge.id,
        body: submission.value.body,
        organisationId: challenge.department_id,
        ip: context.ip,
      })
      return done('responded')
    }
    case 'hide': {
      const submission = parseWithZod(form, { schema: HideSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      if (!(await belongsHere(submission.value))) throw json({}, { status: 404 })
      if (!(await hidePost(moderator, { ...submission.value, siteUrl, ip: context.ip })))
        throw json({}, { status: 404 })
      return done('hidden')
    }
    case 'restore': {
      const submission = parseWithZod(form, { schema: RestoreSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      if (!(await belongsHere(submission.value))) throw json({}, { status: 404 })
      if (!(await restorePost(moderator, { ...submission.value, ip: context.ip })))
        throw json({}, { status: 404 })
      return done('restored')
    }
    case 'auto-hidden': {
      const submission = parseWithZod(form, { schema: AutoHiddenSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      const result = await decideAutoHidden(moderator, {
        ...submission.value,
        challengeId: challenge.id,
        siteUrl,
        ip: context.ip,
      })
      if (result === 'not_found') throw json({}, { status: 404 })
      if (result === 'decided') return invalid(intent, ['triage.autoHidden.decided'], 409)
      return done(submission.value.decision === 'confirm' ? 'hideConfirmed' : 'restored')
    }
    case 'appeal': {
      const submission = parseWithZod(form, { schema: AppealDecisionSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      if (
        !(await decideAppeal(moderator, {
          appealId: submission.value.appealId,
          challengeId: challenge.id,
          restore: submission.value.restore === 'yes',
          note: submission.value.note ?? null,
          ip: context.ip,
        }))
      ) {
        throw json({}, { status: 404 })
      }
      return done('decided')
    }
    case 'dispute': {
      const submission = parseWithZod(form, { schema: DisputeDecisionSchema })
      // The note is kept and its error shown beside the field of the dispute it was for.
      const disputeId = Number(form.get('disputeId'))
      const extra = {
        disputeId: Number.isSafeInteger(disputeId) ? disputeId : undefined,
        note: String(form.get('note') ?? '').slice(0, DECISION_MAX * 2),
      }
      if (submission.status !== 'success')
        return invalid(intent, fieldErrors(submission), 400, extra)
      try {
        const result = await decideDispute(moderator, {
          challengeId: challenge.id,
          disputeId: submission.value.disputeId,
          uphold: submission.value.decision === 'uphold',
          note: submission.value.note,
          version: submission.value.version,
          ip: context.ip,
        })
        if (result === 'not_found') throw json({}, { status: 404 })
        if (result === 'decided') return invalid(intent, ['triage.disputes.decided'], 409, extra)
      } catch (error) {
        if (error instanceof StaleForm) return invalid(intent, ['triage.stale'], 409, extra)
        throw error
      }
      return done(submission.value.decision === 'uphold' ? 'disputeUpheld' : 'disputeRejected')
    }
    case 'merge': {
      const submission = parseWithZod(form, { schema: MergeSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      try {
        await mergeChallenge(moderator, {
          fromId: challenge.id,
          intoId: submission.value.intoId,
          ip: context.ip,
        })
      } catch (error) {
        if (error instanceof MergeRefused) return invalid(intent, [`triage.merge.${error.reason}`])
        throw error
      }
      return done('merged')
    }
    case 'ban': {
      const submission = parseWithZod(form, { schema: BanSchema })
      if (submission.status !== 'success') return invalid(intent, fieldErrors(submission))
      const until = new Date(Date.now() + submission.value.days * 86_400_000).toISOString()
      const banned = await setBan(moderator, {
        userId: submission.value.userId,
        until,
        reason: submission.value.reason,
        ip: context.ip,
      })
      if (banned === 'forbidden') throw json({}, { status: 403 })
      if (!banned) throw json({}, { status: 404 })
      return done('banned')
    }
    case 'dismiss': {
      await dismissFlags(moderator, { challengeId: challenge.id, ip: context.ip })
      return done('dismissed')
    }
    case 'unban': {
      const userId = Number(form.get('userId'))
      if (!Number.isSafeInteger(userId) || userId <= 0) return invalid(intent, ['errors.invalid'])
      await setBan(moderator, { userId, until: null, reason: null, ip: context.ip })
      return done('unbanned')
    }
    default:
      throw json({}, { status: 400 })
  }
}

export default function Triage() {
  const { t, i18n } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { challenge } = data
  const awaitsDecision = (post: { type: string; id: number; reason: string | null }) =>
    post.reason === 'auto_flags' &&
    data.flags.some(
      (f) => f.subject_type === post.type && f.subject_id === post.id && !f.resolved_at,
    )
  // Flagged enough to hide, but never hidden automatically: waits for the moderator's decision.
  const escalated = (post: { type: string; id: number }) =>
    data.flags.some(
      (f) =>
        f.subject_type === post.type &&
        f.subject_id === post.id &&
        !f.resolved_at &&
        f.escalated_at,
    )
  const errorsFor = (intent: string) =>
    reply && reply.intent === intent ? (
      <div className="form-errors" role="alert">
        {reply.errors.map((e) => (
          <p key={e}>
            {t(e.split('?')[0]!, Object.fromEntries(new URLSearchParams(e.split('?')[1] ?? '')))}
          </p>
        ))}
      </div>
    ) : null
  return (
    <div className="triage">
      <p>
        <Link to="/moderation">{t('triage.back')}</Link> ·{' '}
        <Link to={`/challenges/${challenge.id}`}>{t('triage.publicPage')}</Link>
      </p>
      <h1>{challenge.title}</h1>
      {data.notice && (
        <p className="notice" role="status">
          {t(`triage.notice.${data.notice}`, { defaultValue: t('triage.notice.saved') })}
        </p>
      )}
      <p className="meta">
        <StatusBadge status={challenge.status} /> ·{' '}
        {challenge.author_id ? (
          <Link to={`/moderation/users/${challenge.author_id}`}>
            {t('triage.postedBy', { name: challenge.author_name ?? '–' })}
          </Link>
        ) : (
          t('triage.postedBy', { name: '–' })
        )}{' '}
        · {formatDateTime(challenge.created_at, i18n.language)}
        {challenge.hidden_at && (
          <>
            {' '}
            · {t('triage.hiddenBecause', { reason: t(`hideReasons.${challenge.hidden_reason}`) })}
          </>
        )}
        {challenge.withdrawn_at && (
          <>
            {' '}
            ·{' '}
            {t('triage.withdrawn', {
              date: formatDateTime(challenge.withdrawn_at, i18n.language),
            })}
          </>
        )}
        {challenge.merged_into_id && (
          <>
            {' '}
            ·{' '}
            <Link to={`/moderation/challenges/${challenge.merged_into_id}`}>
              {t('triage.mergedInto', { id: challenge.merged_into_id })}
            </Link>
          </>
        )}
      </p>
      {/* Sanitised when it was written. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: challenge.description_html }} />

      <section aria-labelledby="triage-form">
        <h2 id="triage-form">{t('triage.decide')}</h2>
        <TriageForm
          challenge={challenge}
          departments={data.departments}
          contacts={data.contacts}
          categories={data.categories}
          areas={data.areas}
          templates={data.templates}
          lastResult={reply?.intent === 'triage' ? reply.result : undefined}
        />
      </section>

      <section aria-labelledby="responses">
        <h2 id="responses">{t('triage.responses')}</h2>
        {data.responses.map((r) => (
          <div key={r.id} className="official">
            <p className="meta">
              {r.author_name} · {formatDateTime(r.created_at, i18n.language)}
            </p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: r.body_html }} />
          </div>
        ))}
        {errorsFor('respond')}
        <Form method="post">
          <input type="hidden" name="intent" value="respond" />
          <div className="field">
            <label htmlFor="response-body">{t('triage.responseLabel')}</label>
            <textarea id="response-body" name="body" rows={3} maxLength={5000} />
          </div>
          <button type="submit" className="button secondary">
            {t('triage.respond')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="notes">
        <h2 id="notes">{t('triage.notes')}</h2>
        <p className="hint">{t('triage.notesHint')}</p>
        <ul className="plain">
          {data.notes.map((n) => (
            <li key={n.id}>
              <strong>{n.author_name}</strong> · {formatDateTime(n.created_at, i18n.language)}:{' '}
              {n.body}
            </li>
          ))}
        </ul>
        {errorsFor('note')}
        <Form method="post">
          <input type="hidden" name="intent" value="note" />
          <div className="field">
            <label htmlFor="note-body">{t('triage.noteLabel')}</label>
            <textarea id="note-body" name="body" rows={2} maxLength={5000} />
          </div>
          <button type="submit" className="button secondary">
            {t('triage.addNote')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="posts">
        <h2 id="posts">{t('triage.hideRestore')}</h2>
        {errorsFor('hide')}
        {errorsFor('auto-hidden')}
        <ul className="plain">
          {[
            {
              type: 'challenge' as const,
              id: challenge.id,
              label: t('moderation.subject.challenge'),
              hidden: challenge.hidden_at,
              reason: challenge.hidden_reason,
              author: challenge.author_name,
            },
            ...data.solutions.map((s) => ({
              type: 'solution' as const,
              id: s.id,
              label: `${t('moderation.subject.solution')} #${s.id}`,
              hidden: s.hidden_at,
              reason: s.hidden_reason,
              author: s.author_name,
            })),
            ...data.comments
              .filter((c) => !c.deleted_at)
              .map((c) => ({
                type: 'comment' as const,
                id: c.id,
                label: `${t('moderation.subject.comment')} #${c.id}`,
                hidden: c.hidden_at,
                reason: c.hidden_reason,
                author: c.author_name,
              })),
          ].map((post) => (
            <li key={`${post.type}-${post.id}`} className="inline-actions">
              <span>
                {post.label} ({post.author ?? '–'}){post.hidden && <> – {t('moderation.hidden')}</>}
                {!post.hidden && escalated(post) && (
                  <>
                    {' '}
                    – <strong>{t('triage.autoHidden.escalated')}</strong>
                  </>
                )}
              </span>
              <Form method="post" className="inline-actions">
                <input type="hidden" name="subjectType" value={post.type} />
                <input type="hidden" name="subjectId" value={post.id} />
                {post.hidden && awaitsDecision(post) ? (
                  // Hidden by flags alone: the moderator keeps it hidden or shows it again.
                  <>
                    <input type="hidden" name="intent" value="auto-hidden" />
                    <span>{t('triage.autoHidden.waiting')}</span>
                    <button type="submit" name="decision" value="confirm" className="link-button">
                      {t('triage.autoHidden.confirm')}
                    </button>
                    <button type="submit" name="decision" value="restore" className="link-button">
                      {t('triage.restore')}
                    </button>
                  </>
                ) : post.hidden ? (
                  <button type="submit" name="intent" value="restore" className="link-button">
                    {t('triage.restore')}
                  </button>
                ) : (
                  <>
                    <label htmlFor={`reason-${post.type}-${post.id}`} className="visually-hidden">
                      {t('moderation.hideReason')}
                    </label>
                    <select
                      id={`reason-${post.type}-${post.id}`}
                      name="reason"
                      defaultValue="other"
                    >
                      {HIDE_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`hideReasons.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" name="intent" value="hide" className="link-button">
                      {t('triage.hide')}
                    </button>
                  </>
                )}
              </Form>
            </li>
          ))}
        </ul>
      </section>

      {data.appeals.length > 0 && (
        <section aria-labelledby="appeals">
          <h2 id="appeals">{t('triage.appeals')}</h2>
          <ul className="plain">
            {data.appeals.map((a) => (
              <li key={a.id}>
                <p>
                  {t(`moderation.subject.${a.subject_type}`)} #{a.subject_id} · {a.user_name}:{' '}
                  {a.body} ({t(`triage.appealStatus.${a.status}`)})
                </p>
                {a.status === 'open' && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="appeal" />
                    <input type="hidden" name="appealId" value={a.id} />
                    <div className="field">
                      <label htmlFor={`appeal-note-${a.id}`}>{t('triage.appealNote')}</label>
                      <p className="hint" id={`appeal-note-${a.id}-hint`}>
                        {t('triage.appealNoteHint')}
                      </p>
                      <textarea
                        id={`appeal-note-${a.id}`}
                        name="note"
                        rows={2}
                        maxLength={1000}
                        aria-describedby={`appeal-note-${a.id}-hint`}
                      />
                    </div>
                    <div className="inline-actions">
                      <button type="submit" name="restore" value="yes" className="button secondary">
                        {t('triage.uphold')}
                      </button>
                      <button type="submit" name="restore" value="no" className="button secondary">
                        {t('triage.rejectAppeal')}
                      </button>
                    </div>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.disputes.length > 0 && (
        <section aria-labelledby="disputes">
          <h2 id="disputes">{t('triage.disputes.heading')}</h2>
          <p className="hint">{t('triage.disputes.hint')}</p>
          <ul className="plain">
            {data.disputes.map((d) => {
              const mine = reply?.intent === 'dispute' && reply.disputeId === d.id
              const noteId = `dispute-note-${d.id}`
              return (
                <li key={d.id} className="dispute">
                  <p>
                    <strong>{d.user_name ?? t('challenge.formerMember')}</strong> ·{' '}
                    {formatDateTime(d.created_at, i18n.language)} ·{' '}
                    {t(`triage.appealStatus.${d.status}`)}
                  </p>
                  <blockquote>{d.body}</blockquote>
                  {d.status !== 'open' && d.decision_note && (
                    <p className="meta">
                      {t('triage.disputes.decidedBy', {
                        name: d.decider_name ?? '–',
                        date: d.decided_at ? formatDateTime(d.decided_at, i18n.language) : '',
                      })}
                      : {d.decision_note}
                    </p>
                  )}
                  {d.status === 'open' && (
                    <Form method="post">
                      <input type="hidden" name="intent" value="dispute" />
                      <input type="hidden" name="disputeId" value={d.id} />
                      <input type="hidden" name="version" value={challenge.version} />
                      <div className="field">
                        <label htmlFor={noteId}>{t('triage.disputes.note')}</label>
                        <p className="hint" id={`${noteId}-hint`}>
                          {t('triage.disputes.noteHint')}
                        </p>
                        <textarea
                          id={noteId}
                          name="note"
                          rows={2}
                          maxLength={DECISION_MAX}
                          required
                          defaultValue={mine ? reply.note : undefined}
                          aria-invalid={mine || undefined}
                          aria-describedby={
                            mine ? `${noteId}-hint ${noteId}-error` : `${noteId}-hint`
                          }
                        />
                        <FieldErrors
                          id={`${noteId}-error`}
                          errors={mine ? reply.errors : undefined}
                        />
                      </div>
                      <div className="inline-actions">
                        <button
                          type="submit"
                          name="decision"
                          value="uphold"
                          className="button secondary"
                        >
                          {t('triage.disputes.uphold')}
                        </button>
                        <button
                          type="submit"
                          name="decision"
                          value="reject"
                          className="button secondary"
                        >
                          {t('triage.disputes.reject')}
                        </button>
                      </div>
                    </Form>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="flags">
        <h2 id="flags">{t('triage.flags', { count: data.flags.length })}</h2>
        {data.flags.some((f) => !f.resolved_at) && (
          <Form method="post">
            <button type="submit" name="intent" value="dismiss" className="button secondary">
              {t('triage.dismiss')}
            </button>
          </Form>
        )}
        <ul className="plain">
          {data.flags.map((f) => (
            <li key={f.id}>
              {t(`moderation.subject.${f.subject_type}`)} #{f.subject_id}:{' '}
              {t(`flagReasons.${f.reason}`)}
              {f.note && <> – “{f.note}”</>} ({f.user_name ?? '–'},{' '}
              {formatDateTime(f.created_at, i18n.language)})
              {f.resolved_at && <> · {t('triage.resolved')}</>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="merge">
        <h2 id="merge">{t('triage.merge.heading')}</h2>
        {errorsFor('merge')}
        <Form method="post">
          <input type="hidden" name="intent" value="merge" />
          <div className="field">
            <label htmlFor="intoId">{t('triage.merge.into')}</label>
            <input id="intoId" name="intoId" type="text" inputMode="numeric" pattern="[0-9]*" />
          </div>
          <button type="submit" className="button secondary">
            {t('triage.merge.submit')}
          </button>
        </Form>
      </section>

      {challenge.author_id && (
        <section aria-labelledby="ban">
          <h2 id="ban">{t('triage.ban.heading', { name: challenge.author_name ?? '' })}</h2>
          {errorsFor('ban')}
          {challenge.author_banned_until && new Date(challenge.author_banned_until) > new Date() ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unban" />
              <input type="hidden" name="userId" value={challenge.author_id} />
              <p>
                {t('triage.ban.until', {
                  date: formatDateTime(challenge.author_banned_until, i18n.language),
                })}
              </p>
              <button type="submit" className="button secondary">
                {t('triage.ban.lift')}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="ban" />
              <input type="hidden" name="userId" value={challenge.author_id} />
              <div className="field">
                <label htmlFor="ban-days">{t('triage.ban.days')}</label>
                <input
                  id="ban-days"
                  name="days"
                  type="number"
                  min={1}
                  max={3650}
                  defaultValue={7}
                />
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
      )}

      <section aria-labelledby="audit">
        <h2 id="audit">{t('triage.audit')}</h2>
        <table>
          <caption className="visually-hidden">{t('triage.audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('log.when')}</th>
              <th scope="col">{t('audit.heading')}</th>
            </tr>
          </thead>
          <tbody>
            {data.audit.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.created_at, i18n.language)}</td>
                <td>{describeAudit(a, data.auditNames, t, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
