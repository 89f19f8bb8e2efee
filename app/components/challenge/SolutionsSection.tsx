import { Link } from '@remix-run/react'
import { AppealForm } from '~/components/challenge/AppealForm'
import { CommentItem } from '~/components/challenge/CommentsSection'
import { FlagControl, flagIntentKey } from '~/components/challenge/FlagControl'
import { HeldNotice, PendingEditNotice } from '~/components/challenge/HeldNotice'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { PostedNotice } from '~/components/challenge/PostedNotice'
import {
  NewPostForm,
  photoControls,
  PostAuthor,
  PostButton,
  PostMeta,
} from '~/components/challenge/PostParts'
import { SolveForm } from '~/components/challenge/SolveForm'
import { VoteButton } from '~/components/challenge/VoteButton'
import { CommentSchema, SolutionSchema } from '~/forms/challenge'
import { useTranslation } from '~/i18n-react'
import { resultFor } from '~/utils/intent-reply'
import { PhotoGallery } from '~/components/Photos'
import type { Appeals, ChallengeData, Me, PageState } from './types'

type Solution = ChallengeData['solutions'][number]

/**
 * Proposed solutions with their votes, comments and the owner's accept button; the owner's
 * "mark solved" form and the form to propose one.
 */
export function SolutionsSection(props: {
  page: PageState
  solutions: ChallengeData['solutions']
  comments: ChallengeData['comments']
  solutionVotes: number[]
  solveCandidates: ChallengeData['solveCandidates']
  /** Accept proposals and mark the challenge solved. */
  canManage: boolean
  me: Me
  appeals: Appeals
  actionData: unknown
}) {
  const { t } = useTranslation()
  const { page, solutions, me } = props
  return (
    <section aria-labelledby="solutions">
      <h2 id="solutions">{t('challenge.solutionsHeading', { count: solutions.length })}</h2>
      {solutions.length === 0 && <p>{t('challenge.noSolutions')}</p>}
      <ol className="plain">
        {solutions.map((s) => (
          <SolutionItem
            key={s.id}
            solution={s}
            comments={props.comments.filter((c) => c.solution_id === s.id && c.parent_id === null)}
            voted={props.solutionVotes.includes(s.id)}
            canManage={props.canManage}
            page={page}
            me={me}
            appeals={props.appeals}
            actionData={props.actionData}
          />
        ))}
      </ol>
      {props.canManage && page.active && props.solveCandidates && (
        <SolveForm
          action={page.action}
          candidates={props.solveCandidates}
          lastResult={resultFor(props.actionData, 'solve')}
        />
      )}
      <NewPostForm
        intent="solution"
        schema={SolutionSchema}
        page={page}
        me={me}
        actionData={props.actionData}
        summary={t('challenge.proposeSolution')}
        field="body"
        label={t('challenge.solutionLabel')}
        hint={t('challenge.markdownHint')}
        submit={t('challenge.proposeSubmit')}
        rows={6}
        photos
      />
    </section>
  )
}

function SolutionItem(props: {
  solution: Solution
  /** Its own top-level comments. */
  comments: ChallengeData['comments']
  voted: boolean
  canManage: boolean
  page: PageState
  me: Me
  appeals: Appeals
  actionData: unknown
}) {
  const { t } = useTranslation()
  const { solution: s, page, me } = props
  const by = t('challenge.solutionBy', { name: s.organisation_name ?? s.author_name ?? '' })
  return (
    <li id={`solution-${s.id}`} className={s.accepted_at ? 'solution accepted' : 'solution'}>
      <PostMeta date={s.created_at} edited={Boolean(s.edited_at)}>
        {s.accepted_at && <strong className="accepted-label">{t('challenge.accepted')} · </strong>}
        <PostAuthor
          name={s.author_name}
          organisation={{ slug: s.organisation_slug, name: s.organisation_name }}
        />
      </PostMeta>
      {s.hidden_at && (
        <div className="notice-neutral">
          <p>{t('challenge.hiddenNotice', { reason: t(`hideReasons.${s.hidden_reason}`) })}</p>
          <AppealForm
            action={page.action}
            subjectType="solution"
            subjectId={s.id}
            appeals={props.appeals}
          />
        </div>
      )}
      <PostedNotice kind="solution" id={s.id} />
      {s.held_at && <HeldNotice kind="solution" reviewed={me?.reviewed} />}
      {s.pending_edit_at && <PendingEditNotice kind="solution" since={s.pending_edit_at} />}
      <div className="prose" dangerouslySetInnerHTML={{ __html: s.body_html }} />
      <PhotoGallery
        photos={s.photos}
        label={t('photos.heading')}
        controls={photoControls(page, props.appeals, props.actionData)}
      />
      <div className="inline-actions">
        <VoteButton
          action={page.action}
          intentPrefix="solution"
          targetId={s.id}
          voted={props.voted}
          count={s.vote_count}
          canVote={page.signedIn && page.votable && me?.id !== s.author_id}
          label={by}
        />
        {props.canManage && page.active && (
          <PostButton
            action={page.action}
            intent={s.accepted_at ? 'unaccept' : 'accept'}
            targetId={s.id}
            className="button secondary"
          >
            {s.accepted_at ? t('challenge.unaccept') : t('challenge.accept')}
          </PostButton>
        )}
        {me && me.id === s.author_id && (
          <Link to={`/solutions/${s.id}/edit`}>{t('challenge.editSolution')}</Link>
        )}
        {me && me.id !== s.author_id && !s.hidden_at && !s.held_at && (
          <FlagControl
            action={page.action}
            subjectType="solution"
            subjectId={s.id}
            label={by}
            lastResult={resultFor(props.actionData, flagIntentKey('solution', s.id))}
          />
        )}
      </div>
      {props.comments.length > 0 && (
        <ol className="plain replies" aria-label={t('challenge.solutionComments')}>
          {props.comments.map((c) => (
            <li key={c.id}>
              <CommentItem
                comment={c}
                me={me}
                action={page.action}
                actionData={props.actionData}
                appeals={props.appeals}
              />
            </li>
          ))}
        </ol>
      )}
      {page.takesPart && (
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
  )
}
