import type { FlagSubject } from '#db/schema'
import { Form } from '@remix-run/react'
import { HideSchema } from '~/forms/moderation'
import { HideReasonOptions } from '~/components/moderation/HideReasonOptions'
import { useTranslation } from '~/i18n-react'
import { postFormKey } from '~/utils/triage-keys'
import { ReplyErrors, useTriageForm, type TriageData } from './shared'

interface Post {
  type: 'challenge' | 'solution' | 'comment'
  id: number
  label: string
  hidden: string | null
  reason: string | null
  author: string | null
}

/** Hide or restore the challenge and each of its proposals and comments. */
export function PostsSection(props: {
  challenge: TriageData['challenge']
  solutions: TriageData['solutions']
  comments: TriageData['comments']
  flags: TriageData['flags']
}) {
  const { t } = useTranslation()
  const { challenge, flags } = props
  const openFlagsOn = (post: Post) =>
    flags.filter((f) => f.subject_type === post.type && f.subject_id === post.id && !f.resolved_at)
  const posts: Post[] = [
    {
      type: 'challenge',
      id: challenge.id,
      label: t('moderation.subject.challenge'),
      hidden: challenge.hidden_at,
      reason: challenge.hidden_reason,
      author: challenge.author_name,
    },
    ...props.solutions.map((s) => ({
      type: 'solution' as const,
      id: s.id,
      label: `${t('moderation.subject.solution')} #${s.id}`,
      hidden: s.hidden_at,
      reason: s.hidden_reason,
      author: s.author_name,
    })),
    ...props.comments
      .filter((c) => !c.deleted_at)
      .map((c) => ({
        type: 'comment' as const,
        id: c.id,
        label: `${t('moderation.subject.comment')} #${c.id}`,
        hidden: c.hidden_at,
        reason: c.hidden_reason,
        author: c.author_name,
      })),
  ]
  return (
    <section aria-labelledby="posts">
      <h2 id="posts">{t('triage.hideRestore')}</h2>
      <ul className="plain">
        {posts.map((post) => {
          const open = openFlagsOn(post)
          return (
            <PostRow
              key={`${post.type}-${post.id}`}
              post={post}
              awaitsDecision={post.reason === 'auto_flags' && open.length > 0}
              // Flagged enough to hide, but never hidden automatically: waits for the
              // moderator's decision.
              escalated={open.some((f) => f.escalated_at)}
            />
          )
        })}
      </ul>
    </section>
  )
}

function PostRow(props: { post: Post; awaitsDecision: boolean; escalated: boolean }) {
  const { t } = useTranslation()
  const { post } = props
  return (
    <li className="inline-actions">
      <span>
        {post.label} ({post.author ?? '–'}){post.hidden && <> – {t('moderation.hidden')}</>}
        {!post.hidden && props.escalated && (
          <>
            {' '}
            – <strong>{t('triage.autoHidden.escalated')}</strong>
          </>
        )}
      </span>
      <VisibilityForm
        subjectType={post.type}
        subjectId={post.id}
        hidden={Boolean(post.hidden)}
        awaitsDecision={props.awaitsDecision}
      />
    </li>
  )
}

/**
 * Hide (with a reason), restore, or decide on what flags hid by themselves: one form per post
 * or photo, keyed by it, so a refusal shows under the row it concerns.
 */
export function VisibilityForm(props: {
  subjectType: FlagSubject
  subjectId: number
  hidden: boolean
  awaitsDecision: boolean
  /** Names the post or photo for screen readers when the row holds several controls. */
  label?: string
}) {
  const { t } = useTranslation()
  const { subjectType, subjectId } = props
  // Hide, restore and the decision share the post's form; the schema checks the fields they
  // all send (the server checks each intent's own).
  const [form] = useTriageForm(
    postFormKey(subjectType, subjectId),
    HideSchema.pick({ subjectType: true, subjectId: true }),
  )
  // A photo's buttons say which photo they act on; a post's row says it already.
  const button = (name: 'intent' | 'decision', value: string, text: string) => (
    <button
      type="submit"
      name={name}
      value={value}
      className="link-button"
      aria-label={
        props.label ? t('triage.photos.action', { action: text, photo: props.label }) : undefined
      }
    >
      {text}
    </button>
  )
  return (
    <Form method="post" className="inline-actions" id={form.id} onSubmit={form.onSubmit} noValidate>
      <ReplyErrors form={form} />
      <input type="hidden" name="subjectType" value={subjectType} />
      <input type="hidden" name="subjectId" value={subjectId} />
      {props.hidden && props.awaitsDecision ? (
        // Hidden by flags alone: the moderator keeps it hidden or shows it again.
        <>
          <input type="hidden" name="intent" value="auto-hidden" />
          <span>{t('triage.autoHidden.waiting')}</span>
          {button('decision', 'confirm', t('triage.autoHidden.confirm'))}
          {button('decision', 'restore', t('triage.restore'))}
        </>
      ) : props.hidden ? (
        button('intent', 'restore', t('triage.restore'))
      ) : (
        <>
          <label htmlFor={`reason-${subjectType}-${subjectId}`} className="visually-hidden">
            {props.label
              ? t('triage.photos.reasonFor', { photo: props.label })
              : t('moderation.hideReason')}
          </label>
          <select id={`reason-${subjectType}-${subjectId}`} name="reason" defaultValue="other">
            <HideReasonOptions />
          </select>
          {button('intent', 'hide', t('triage.hide'))}
        </>
      )}
    </Form>
  )
}
