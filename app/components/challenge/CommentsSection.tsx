import { Form, Link } from '@remix-run/react'
import { AppealForm } from '~/components/challenge/AppealForm'
import { FlagControl, flagIntentKey } from '~/components/challenge/FlagControl'
import { HeldNotice } from '~/components/challenge/HeldNotice'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { PostedNotice } from '~/components/challenge/PostedNotice'
import { PostAuthor, PostButton, PostMeta } from '~/components/challenge/PostParts'
import { useErrorText } from '~/components/forms'
import { CommentSchema } from '~/forms/challenge'
import { COMMENT_MAX } from '~/models/challenge-constants'
import { useTranslation } from '~/i18n-react'
import { resultFor } from '~/utils/intent-reply'
import type { Appeals, ChallengeData, Me, PageState } from './types'

type Comment = ChallengeData['comments'][number]

/** The discussion: top-level comments with their replies, and the form to add one. */
export function CommentsSection(props: {
  page: PageState
  comments: ChallengeData['comments']
  me: Me
  appeals: Appeals
  actionData: unknown
}) {
  const { t } = useTranslation()
  const { page, comments } = props
  const topComments = comments.filter((c) => c.parent_id === null && c.solution_id === null)
  const repliesTo = (id: number) => comments.filter((c) => c.parent_id === id)
  const item = (c: Comment) => (
    <CommentItem
      comment={c}
      me={props.me}
      action={page.action}
      actionData={props.actionData}
      appeals={props.appeals}
    />
  )
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t('challenge.commentsHeading', { count: comments.length })}</h2>
      <ol className="plain comments">
        {topComments.map((c) => (
          <li key={c.id}>
            {item(c)}
            {repliesTo(c.id).length > 0 && (
              <ol className="plain replies">
                {repliesTo(c.id).map((r) => (
                  <li key={r.id}>{item(r)}</li>
                ))}
              </ol>
            )}
            {page.takesPart && !c.removed && (
              <details className="reply">
                <summary>{t('challenge.reply')}</summary>
                <MarkdownForm
                  id={`reply-${c.id}`}
                  intent="comment"
                  schema={CommentSchema}
                  field="body"
                  label={t('challenge.replyLabel')}
                  submit={t('challenge.replySubmit')}
                  hidden={{ parentId: c.id }}
                  rows={3}
                />
              </details>
            )}
          </li>
        ))}
      </ol>
      {page.takesPart ? (
        <MarkdownForm
          id="comment"
          intent="comment"
          schema={CommentSchema}
          lastResult={resultFor(props.actionData, 'comment')}
          field="body"
          label={t('challenge.commentLabel')}
          submit={t('challenge.commentSubmit')}
        />
      ) : (
        !page.signedIn && (
          <p>
            <Link to={page.loginLink}>{t('challenge.signInToComment')}</Link>
          </p>
        )
      )}
    </section>
  )
}

/** One comment with its author's and moderators' tools (edit, delete, appeal) and the flag. */
export function CommentItem(props: {
  comment: Comment
  me: Me
  action: string
  actionData: unknown
  appeals: Appeals
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { comment, me } = props
  const own = me?.id === comment.author_id
  // A refused edit of this comment (window over, or published under pre-moderation) says why
  // beside it, even when the edit form is no longer offered.
  const edit = resultFor(props.actionData, 'edit-comment')
  const editErrors =
    edit?.initialValue?.commentId === String(comment.id) ? (edit.error?.[''] ?? []) : []
  return (
    <div className="comment" id={`comment-${comment.id}`}>
      <PostMeta
        date={comment.created_at}
        withTime
        edited={Boolean(comment.edited_at) && !comment.removed}
      >
        {comment.removed && !comment.ownHidden ? (
          t('challenge.commentRemoved')
        ) : (
          <PostAuthor name={comment.author_name} />
        )}
      </PostMeta>
      <PostedNotice kind={comment.parent_id ? 'reply' : 'comment'} id={comment.id} />
      {editErrors.length > 0 && (
        <div role="alert" className="form-errors">
          {editErrors.map((e) => (
            <p key={e}>{errorText(e)}</p>
          ))}
        </div>
      )}
      {/* Its author still reads a hidden comment, with the reason below. */}
      {(!comment.removed || comment.ownHidden) && (
        <div className="prose" dangerouslySetInnerHTML={{ __html: comment.body_html }} />
      )}
      {comment.ownHeld && <HeldNotice kind="comment" reviewed={me?.reviewed} />}
      {comment.ownHidden && (
        <div className="notice-neutral">
          <p>
            {t('challenge.hiddenNotice', { reason: t(`hideReasons.${comment.hidden_reason}`) })}
          </p>
          <AppealForm
            action={props.action}
            subjectType="comment"
            subjectId={comment.id}
            appeals={props.appeals}
          />
        </div>
      )}
      {comment.can.delete && (
        <div className="inline-actions">
          {comment.can.edit && (
            <details>
              <summary>{t('challenge.editComment')}</summary>
              <EditCommentForm comment={comment} action={props.action} />
            </details>
          )}
          <PostButton action={props.action} intent="delete-comment" targetId={comment.id}>
            {t('challenge.deleteComment')}
          </PostButton>
        </div>
      )}
      {me && !own && !comment.removed && (
        <FlagControl
          action={props.action}
          subjectType="comment"
          subjectId={comment.id}
          label={t('challenge.commentBy', {
            name: comment.author_name ?? t('challenge.formerMember'),
          })}
          lastResult={resultFor(props.actionData, flagIntentKey('comment', comment.id))}
        />
      )}
    </div>
  )
}

function EditCommentForm(props: { comment: Comment; action: string }) {
  const { t } = useTranslation()
  return (
    <Form method="post" action={props.action} className="markdown-form">
      <input type="hidden" name="intent" value="edit-comment" />
      <input type="hidden" name="commentId" value={props.comment.id} />
      <div className="field">
        <label htmlFor={`edit-comment-${props.comment.id}`}>{t('challenge.commentLabel')}</label>
        <textarea
          id={`edit-comment-${props.comment.id}`}
          name="body"
          rows={3}
          defaultValue={props.comment.body_md ?? ''}
          required
          maxLength={COMMENT_MAX}
        />
      </div>
      <button type="submit" className="button">
        {t('challenge.saveComment')}
      </button>
    </Form>
  )
}
