import type { SubmissionResult } from '@conform-to/react'
import type { SerializeFrom } from '@remix-run/node'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FixedQuestion } from '~/components/challenge/FixedQuestion'
import { FlagControl, flagIntentKey } from '~/components/challenge/FlagControl'
import { HeldNotice, PendingEditNotice } from '~/components/challenge/HeldNotice'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { PostedNotice } from '~/components/challenge/PostedNotice'
import { PledgeDoneForm, SolveForm } from '~/components/challenge/SolveForm'
import { VoteButton } from '~/components/challenge/VoteButton'
import { StatusBadge } from '~/components/StatusBadge'
import { useErrorText } from '~/components/forms'
import { DisputeSchema } from '~/forms/dispute'
import {
  AppealSchema,
  CommentSchema,
  OfficialResponseSchema,
  PledgeSchema,
  ProgressSchema,
  SolutionSchema,
} from '~/forms/challenge'
import { isOnPublicBoard } from '~/models/challenge-constants'
import type { loader } from '~/routes/challenges.$id'
import { formatDate, formatDateTime } from '~/utils/format'
import { useRootData } from '~/utils/root-data'

type Data = SerializeFrom<typeof loader>
type ActionData = { intent: string; result: SubmissionResult<string[]> } | null

const resultFor = (actionData: unknown, intent: string) => {
  const data = actionData as ActionData
  return data && data.intent === intent ? data.result : undefined
}

export function ChallengeView({ data, actionData }: { data: Data; actionData: unknown }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const en = locale === 'en'
  const { challenge, history, solutions, pledges, comments, solvers, viewer, me } = data
  const signedIn = Boolean(useRootData()?.user)
  const action = `/challenges/${challenge.id}`
  // Off the public board (hidden, pending, rejected) only editing, appealing and tidying up apply.
  const onBoard = isOnPublicBoard(challenge)
  const takesPart = signedIn && onBoard
  const active = onBoard && (challenge.status === 'open' || challenge.status === 'in_progress')
  const votable = active || (onBoard && challenge.status === 'solved')
  const topComments = comments.filter((c) => c.parent_id === null && c.solution_id === null)
  const repliesTo = (id: number) => comments.filter((c) => c.parent_id === id)
  const loginLink = `/login?redirectTo=${encodeURIComponent(action)}`

  return (
    <article className="challenge" aria-labelledby="challenge-title">
      <header>
        <p className="meta">
          <StatusBadge status={challenge.status} />{' '}
          {en ? challenge.category_en : challenge.category_sv} ·{' '}
          {en ? challenge.area_en : challenge.area_sv}
        </p>
        <h1 id="challenge-title">{challenge.title}</h1>
        <p className="meta">
          {t('challenge.postedBy', {
            name:
              challenge.organisation_name ?? challenge.author_name ?? t('challenge.formerMember'),
          })}{' '}
          {challenge.organisation_slug && (
            <>
              (
              <Link to={`/organisations/${challenge.organisation_slug}`}>
                {t(`kinds.${challenge.organisation_kind}`)}
              </Link>
              ){' '}
            </>
          )}
          · <time dateTime={challenge.created_at}>{formatDate(challenge.created_at, locale)}</time>
          {challenge.edited_at && <> · {t('challenge.edited')}</>}
        </p>
        {challenge.department_slug && (
          <p className="meta responsible">
            {t('challenge.responsible')}{' '}
            <Link to={`/organisations/${challenge.department_slug}`}>
              {challenge.department_name}
            </Link>
          </p>
        )}
        {challenge.hidden_at && (
          <div className="notice-neutral" role="status">
            <p>
              {t('challenge.hiddenNotice', { reason: t(`hideReasons.${challenge.hidden_reason}`) })}
            </p>
            <AppealForm
              action={action}
              subjectType="challenge"
              subjectId={challenge.id}
              appeals={data.appeals}
            />
          </div>
        )}
        {challenge.withdrawn_at ? (
          <p className="notice-neutral" role="status">
            {t('challenge.withdrawnNotice', {
              date: formatDate(challenge.withdrawn_at, locale),
            })}
          </p>
        ) : (
          challenge.status === 'pending' &&
          me?.id === challenge.author_id && <HeldNotice kind="challenge" />
        )}
        {data.pendingEditSince && (
          <PendingEditNotice kind="challenge" since={data.pendingEditSince} />
        )}
        {data.appealed && (
          <p className="notice" role="status">
            {t('challenge.appealed')}
          </p>
        )}
        {data.flagged && (
          <p className="notice" role="status">
            {t(data.flagged === 'hidden' ? 'challenge.flaggedHidden' : 'challenge.flagged')}
          </p>
        )}
        {challenge.status === 'closed' && challenge.closed_reason && (
          <p className="notice-neutral">
            {t('challenge.closedBecause', {
              reason:
                challenge.closed_reason === 'withdrawn'
                  ? t('challenge.withdrawnReason')
                  : challenge.closed_reason,
            })}
          </p>
        )}
        {challenge.status === 'solved' && solvers.length > 0 && (
          <p className="notice">
            {t('challenge.solvedBy')}{' '}
            {solvers.map((s, i) => (
              <span key={i}>
                {i > 0 && ', '}
                {s.organisation_slug ? (
                  <Link to={`/organisations/${s.organisation_slug}`}>{s.organisation_name}</Link>
                ) : (
                  s.user_name
                )}
              </span>
            ))}
          </p>
        )}
      </header>

      <DisputeBlock data={data} actionData={actionData} />
      {data.fixed && (
        <FixedQuestion
          action={action}
          fixed={data.fixed}
          lastResult={resultFor(actionData, 'fixed-answer')}
        />
      )}

      <div className="challenge-actions">
        <VoteButton
          action={action}
          voted={viewer?.voted ?? false}
          count={challenge.vote_count}
          canVote={signedIn && votable && me?.id !== challenge.author_id}
          label={challenge.title}
        />
        {takesPart ? (
          <Form method="post" action={action}>
            <input type="hidden" name="intent" value={viewer?.following ? 'unfollow' : 'follow'} />
            <button
              type="submit"
              className="button secondary"
              aria-pressed={viewer?.following ?? false}
            >
              {viewer?.following ? t('challenge.following') : t('challenge.follow')}
            </button>
          </Form>
        ) : (
          !signedIn && (
            <p>
              <Link to={loginLink}>{t('challenge.signInToTakePart')}</Link>
            </p>
          )
        )}
        {/* A challenge withdrawn before publication is over: only moderators still change it. */}
        {me?.canManage && (!challenge.withdrawn_at || me.moderator) && (
          <p>
            <Link to={`${action}/edit`}>{t('challenge.edit')}</Link>
          </p>
        )}
      </div>

      {/* Sanitised when it was written (renderMarkdown). */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: challenge.description_html }} />

      {(data.responses.length > 0 || me?.canRespond) && (
        <section aria-labelledby="official" className="official-responses">
          <h2 id="official">{t('challenge.officialHeading')}</h2>
          {data.responses.map((r) => (
            <div key={r.id} className="official">
              <p className="meta">
                <strong>{r.organisation_name ?? t('challenge.municipality')}</strong> ·{' '}
                <time dateTime={r.created_at}>{formatDate(r.created_at, locale)}</time>
              </p>
              <div className="prose" dangerouslySetInnerHTML={{ __html: r.body_html }} />
            </div>
          ))}
          {me?.canRespond && (
            <details>
              <summary>{t('challenge.respondOfficially')}</summary>
              <MarkdownForm
                id="official-response"
                intent="official-response"
                schema={OfficialResponseSchema}
                lastResult={resultFor(actionData, 'official-response')}
                field="body"
                label={t('challenge.officialLabel')}
                submit={t('challenge.officialSubmit')}
              />
            </details>
          )}
        </section>
      )}

      {onBoard && (
        <p className="share">
          <label htmlFor="share-link">{t('challenge.share')}</label>{' '}
          <input id="share-link" type="url" readOnly value={data.url} />
        </p>
      )}

      <section aria-labelledby="pledges">
        <h2 id="pledges">{t('challenge.pledgesHeading', { count: pledges.length })}</h2>
        {pledges.length === 0 && <p>{t('challenge.noPledges')}</p>}
        <ul className="plain">
          {pledges.map((p) => {
            const mine =
              me &&
              (p.user_id === me.id || me.organisations.some((o) => o.id === p.organisation_id))
            return (
              <li key={p.id} id={`pledge-${p.id}`} className="pledge">
                <p>
                  <strong>
                    {p.organisation_slug ? (
                      <Link to={`/organisations/${p.organisation_slug}`}>
                        {p.organisation_name}
                      </Link>
                    ) : (
                      (p.user_name ?? t('challenge.formerMember'))
                    )}
                  </strong>{' '}
                  {t('challenge.tookItOn', { date: formatDate(p.created_at, locale) })}
                  {p.status === 'completed' && <> · {t('challenge.pledgeCompleted')}</>}
                </p>
                <PostedNotice kind="pledge" id={p.id} />
                {p.held_at && <HeldNotice kind="pledge" reviewed={me?.reviewed} />}
                <PostedNotice kind="progress" id={p.id} />
                {/* Sanitised when it was written (renderMarkdown), like progress updates. */}
                <div className="prose" dangerouslySetInnerHTML={{ __html: p.plan_html }} />
                {p.updates.length > 0 && (
                  <ol className="updates" aria-label={t('challenge.progress')}>
                    {p.updates.map((u) => (
                      <li key={u.id}>
                        <time dateTime={u.created_at}>{formatDateTime(u.created_at, locale)}</time>
                        <div className="prose" dangerouslySetInnerHTML={{ __html: u.body_html }} />
                      </li>
                    ))}
                  </ol>
                )}
                {mine && p.status === 'active' && !p.held_at && active && (
                  <PledgeDoneForm action={action} pledgeId={p.id} />
                )}
                {mine && active && p.status === 'active' && (
                  <details>
                    <summary>
                      {t(p.held_at ? 'challenge.withdrawPledge' : 'challenge.reportProgress')}
                    </summary>
                    {/* Progress waits until a moderator has let a held pledge through. */}
                    {!p.held_at && (
                      <MarkdownForm
                        id={`progress-${p.id}`}
                        intent="progress"
                        schema={ProgressSchema}
                        lastResult={resultFor(actionData, 'progress')}
                        field="body"
                        label={t('challenge.progressLabel')}
                        submit={t('challenge.postProgress')}
                        hidden={{ pledgeId: p.id }}
                      />
                    )}
                    <Form method="post" action={action}>
                      <input type="hidden" name="intent" value="withdraw-pledge" />
                      <input type="hidden" name="targetId" value={p.id} />
                      <button type="submit" className="link-button">
                        {t('challenge.withdrawPledge')}
                      </button>
                    </Form>
                  </details>
                )}
              </li>
            )
          })}
        </ul>
        {signedIn && active && (
          <details open={Boolean(resultFor(actionData, 'pledge'))}>
            <summary>{t('challenge.takeItOn')}</summary>
            <MarkdownForm
              id="pledge"
              intent="pledge"
              schema={PledgeSchema}
              lastResult={resultFor(actionData, 'pledge')}
              field="plan"
              label={t('challenge.planLabel')}
              hint={t('challenge.planHint')}
              submit={t('challenge.takeItOnSubmit')}
              organisations={me?.organisations}
            />
          </details>
        )}
      </section>

      <section aria-labelledby="solutions">
        <h2 id="solutions">{t('challenge.solutionsHeading', { count: solutions.length })}</h2>
        {solutions.length === 0 && <p>{t('challenge.noSolutions')}</p>}
        <ol className="plain">
          {solutions.map((s) => (
            <li
              key={s.id}
              id={`solution-${s.id}`}
              className={s.accepted_at ? 'solution accepted' : 'solution'}
            >
              <p className="meta">
                {s.accepted_at && (
                  <strong className="accepted-label">{t('challenge.accepted')} · </strong>
                )}
                {s.organisation_slug ? (
                  <Link to={`/organisations/${s.organisation_slug}`}>{s.organisation_name}</Link>
                ) : (
                  (s.author_name ?? t('challenge.formerMember'))
                )}{' '}
                · <time dateTime={s.created_at}>{formatDate(s.created_at, locale)}</time>
                {s.edited_at && <> · {t('challenge.edited')}</>}
              </p>
              {s.hidden_at && (
                <div className="notice-neutral">
                  <p>
                    {t('challenge.hiddenNotice', { reason: t(`hideReasons.${s.hidden_reason}`) })}
                  </p>
                  <AppealForm
                    action={action}
                    subjectType="solution"
                    subjectId={s.id}
                    appeals={data.appeals}
                  />
                </div>
              )}
              <PostedNotice kind="solution" id={s.id} />
              {s.held_at && <HeldNotice kind="solution" reviewed={me?.reviewed} />}
              {s.pending_edit_at && <PendingEditNotice kind="solution" since={s.pending_edit_at} />}
              <div className="prose" dangerouslySetInnerHTML={{ __html: s.body_html }} />
              <div className="inline-actions">
                <VoteButton
                  action={action}
                  intentPrefix="solution"
                  targetId={s.id}
                  voted={viewer?.solutionVotes.includes(s.id) ?? false}
                  count={s.vote_count}
                  canVote={signedIn && votable && me?.id !== s.author_id}
                  label={t('challenge.solutionBy', {
                    name: s.organisation_name ?? s.author_name ?? '',
                  })}
                />
                {me?.canManage && active && (
                  <Form method="post" action={action}>
                    <input
                      type="hidden"
                      name="intent"
                      value={s.accepted_at ? 'unaccept' : 'accept'}
                    />
                    <input type="hidden" name="targetId" value={s.id} />
                    <button type="submit" className="button secondary">
                      {s.accepted_at ? t('challenge.unaccept') : t('challenge.accept')}
                    </button>
                  </Form>
                )}
                {me && me.id === s.author_id && (
                  <Link to={`/solutions/${s.id}/edit`}>{t('challenge.editSolution')}</Link>
                )}
                {me && me.id !== s.author_id && !s.hidden_at && !s.held_at && (
                  <FlagControl
                    action={action}
                    subjectType="solution"
                    subjectId={s.id}
                    label={t('challenge.solutionBy', {
                      name: s.organisation_name ?? s.author_name ?? '',
                    })}
                    lastResult={resultFor(actionData, flagIntentKey('solution', s.id))}
                  />
                )}
              </div>
              {comments.some((c) => c.solution_id === s.id && c.parent_id === null) && (
                <ol className="plain replies" aria-label={t('challenge.solutionComments')}>
                  {comments
                    .filter((c) => c.solution_id === s.id && c.parent_id === null)
                    .map((c) => (
                      <li key={c.id}>
                        <CommentItem
                          comment={c}
                          me={me}
                          action={action}
                          actionData={actionData}
                          appeals={data.appeals}
                        />
                      </li>
                    ))}
                </ol>
              )}
              {takesPart && (
                <details className="reply">
                  <summary>{t('challenge.commentSolution')}</summary>
                  <MarkdownForm
                    id={`solution-comment-${s.id}`}
                    intent="comment"
                    schema={CommentSchema}
                    field="body"
                    label={t('challenge.commentLabel')}
                    submit={t('challenge.commentSubmit')}
                    hidden={{ solutionId: s.id }}
                    rows={3}
                  />
                </details>
              )}
            </li>
          ))}
        </ol>
        {me?.canManage && active && data.solveCandidates && (
          <SolveForm
            action={action}
            candidates={data.solveCandidates}
            lastResult={resultFor(actionData, 'solve')}
          />
        )}
        {signedIn && active && (
          <details open={Boolean(resultFor(actionData, 'solution'))}>
            <summary>{t('challenge.proposeSolution')}</summary>
            <MarkdownForm
              id="solution"
              intent="solution"
              schema={SolutionSchema}
              lastResult={resultFor(actionData, 'solution')}
              field="body"
              label={t('challenge.solutionLabel')}
              hint={t('challenge.markdownHint')}
              submit={t('challenge.proposeSubmit')}
              organisations={me?.organisations}
              rows={6}
            />
          </details>
        )}
      </section>

      <section aria-labelledby="comments">
        <h2 id="comments">{t('challenge.commentsHeading', { count: comments.length })}</h2>
        <ol className="plain comments">
          {topComments.map((c) => (
            <li key={c.id}>
              <CommentItem
                comment={c}
                me={me}
                action={action}
                actionData={actionData}
                appeals={data.appeals}
              />
              {repliesTo(c.id).length > 0 && (
                <ol className="plain replies">
                  {repliesTo(c.id).map((r) => (
                    <li key={r.id}>
                      <CommentItem
                        comment={r}
                        me={me}
                        action={action}
                        actionData={actionData}
                        appeals={data.appeals}
                      />
                    </li>
                  ))}
                </ol>
              )}
              {takesPart && !c.removed && (
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
        {takesPart ? (
          <MarkdownForm
            id="comment"
            intent="comment"
            schema={CommentSchema}
            lastResult={resultFor(actionData, 'comment')}
            field="body"
            label={t('challenge.commentLabel')}
            submit={t('challenge.commentSubmit')}
          />
        ) : (
          !signedIn && (
            <p>
              <Link to={loginLink}>{t('challenge.signInToComment')}</Link>
            </p>
          )
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t('challenge.historyHeading')}</h2>
        <ol className="plain history">
          {history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.created_at}>{formatDateTime(h.created_at, locale)}</time>:{' '}
              {h.from_status === h.to_status
                ? t('challenge.moderatorMessage')
                : h.from_status
                  ? t('challenge.statusChanged', {
                      from: t(`status.${h.from_status}`),
                      to: t(`status.${h.to_status}`),
                    })
                  : t('challenge.statusStarted', { to: t(`status.${h.to_status}`) })}
              {h.message && h.message !== 'withdrawn' && <> – {h.message}</>}
            </li>
          ))}
        </ol>
      </section>

      {takesPart && (
        <FlagControl
          action={action}
          subjectType="challenge"
          subjectId={challenge.id}
          label={challenge.title}
          lastResult={resultFor(actionData, flagIntentKey('challenge', challenge.id))}
        />
      )}
    </article>
  )
}

/**
 * A signed-in resident may dispute "solved" once; afterwards they see their dispute's state and,
 * once decided, the moderator's note.
 */
function DisputeBlock({ data, actionData }: { data: Data; actionData: unknown }) {
  const { t, i18n } = useTranslation()
  const { dispute } = data
  if (dispute) {
    const created = formatDate(dispute.created_at, i18n.language)
    const decided = dispute.decided_at ? formatDate(dispute.decided_at, i18n.language) : ''
    return (
      <div id="dispute" className="notice-neutral">
        <p>
          {dispute.status === 'open'
            ? t('disputes.waiting', { date: created })
            : t(`disputes.${dispute.status}`, { date: created, decided })}
        </p>
        {dispute.status !== 'open' && dispute.decision_note && (
          <p>{t('disputes.note', { note: dispute.decision_note })}</p>
        )}
      </div>
    )
  }
  // Whoever manages the challenge reopens it rather than disputing it (the server agrees).
  if (!data.canDispute || data.me?.canManage) return null
  const lastResult = resultFor(actionData, 'dispute')
  return (
    <details id="dispute" className="dispute" open={Boolean(lastResult)}>
      <summary>{t('disputes.summary')}</summary>
      <MarkdownForm
        id="dispute-form"
        intent="dispute"
        schema={DisputeSchema}
        lastResult={lastResult}
        field="body"
        label={t('disputes.label')}
        hint={t('disputes.hint')}
        submit={t('disputes.submit')}
        rows={3}
      />
    </details>
  )
}

function AppealForm(props: {
  action: string
  subjectType: 'challenge' | 'solution' | 'comment'
  subjectId: number
  appeals: Data['appeals']
}) {
  const { t } = useTranslation()
  const existing = props.appeals.find(
    (a) => a.subject_type === props.subjectType && a.subject_id === props.subjectId,
  )
  if (existing)
    return (
      <p>{t('challenge.appealState', { state: t(`triage.appealStatus.${existing.status}`) })}</p>
    )
  return (
    <details>
      <summary>{t('challenge.appeal')}</summary>
      <MarkdownForm
        id={`appeal-${props.subjectType}-${props.subjectId}`}
        intent="appeal"
        schema={AppealSchema}
        field="body"
        label={t('challenge.appealLabel')}
        hint={t('challenge.appealHint')}
        submit={t('challenge.appealSubmit')}
        hidden={{ subjectType: props.subjectType, subjectId: props.subjectId }}
        action={props.action}
        rows={3}
      />
    </details>
  )
}

function CommentItem(props: {
  comment: Data['comments'][number]
  me: Data['me']
  action: string
  actionData: unknown
  appeals: Data['appeals']
}) {
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const { comment, me } = props
  const own = me?.id === comment.author_id
  // A refused edit of this comment (window over, or published under pre-moderation) says why
  // beside it, even when the edit form is no longer offered.
  const edit = resultFor(props.actionData, 'edit-comment')
  const editErrors =
    edit?.initialValue?.commentId === String(comment.id) ? (edit.error?.[''] ?? []) : []
  // Under pre-moderation a published comment is not rewritten (the server refuses it too).
  const editable =
    own &&
    !comment.removed &&
    (!me?.reviewed || comment.ownHeld) &&
    Date.now() - Date.parse(comment.created_at) < 15 * 60 * 1000
  return (
    <div className="comment" id={`comment-${comment.id}`}>
      <p className="meta">
        {comment.removed && !comment.ownHidden
          ? t('challenge.commentRemoved')
          : (comment.author_name ?? t('challenge.formerMember'))}{' '}
        ·{' '}
        <time dateTime={comment.created_at}>
          {formatDateTime(comment.created_at, i18n.language)}
        </time>
        {comment.edited_at && !comment.removed && <> · {t('challenge.edited')}</>}
      </p>
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
      {!comment.removed && (own || me?.moderator) && (
        <div className="inline-actions">
          {editable && (
            <details>
              <summary>{t('challenge.editComment')}</summary>
              <EditCommentForm
                comment={comment}
                action={props.action}
                actionData={props.actionData}
              />
            </details>
          )}
          <Form method="post" action={props.action}>
            <input type="hidden" name="intent" value="delete-comment" />
            <input type="hidden" name="targetId" value={comment.id} />
            <button type="submit" className="link-button">
              {t('challenge.deleteComment')}
            </button>
          </Form>
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

function EditCommentForm(props: {
  comment: Data['comments'][number]
  action: string
  actionData: unknown
}) {
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
          maxLength={5000}
        />
      </div>
      <button type="submit" className="button">
        {t('challenge.saveComment')}
      </button>
    </Form>
  )
}
