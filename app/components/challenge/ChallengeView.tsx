import { ChallengeControls } from '~/components/challenge/ChallengeControls'
import { ChallengeHeader } from '~/components/challenge/ChallengeHeader'
import { CommentsSection } from '~/components/challenge/CommentsSection'
import { DisputeBlock } from '~/components/challenge/DisputeBlock'
import { FixedQuestion } from '~/components/challenge/FixedQuestion'
import { FlagControl, flagIntentKey } from '~/components/challenge/FlagControl'
import { HistorySection } from '~/components/challenge/HistorySection'
import { OfficialResponses } from '~/components/challenge/OfficialResponses'
import { PledgesSection } from '~/components/challenge/PledgesSection'
import { SolutionsSection } from '~/components/challenge/SolutionsSection'
import { useTranslation } from '~/i18n-react'
import { PhotoGallery } from '~/components/Photos'
import { PlaceSection } from '~/components/challenge/PlaceSection'
import { ChallengeMap } from '~/components/map/ChallengeMap'
import { isOnPublicBoard } from '~/models/challenge-constants'
import { resultFor } from '~/utils/intent-reply'
import { useRootData } from '~/utils/root-data'
import type { ChallengeData, PageState } from './types'

/**
 * The challenge page: works out once what the viewer may do here (`PageState`) and hands each
 * section its own slice of the loader's data.
 */
export function ChallengeView({ data, actionData }: { data: ChallengeData; actionData: unknown }) {
  const { t } = useTranslation()
  const { challenge, me, can } = data
  const signedIn = Boolean(useRootData()?.user)
  const action = `/challenges/${challenge.id}`
  const onBoard = isOnPublicBoard(challenge)
  const active = onBoard && (challenge.status === 'open' || challenge.status === 'in_progress')
  const page: PageState = {
    action,
    signedIn,
    onBoard,
    takesPart: signedIn && onBoard,
    active,
    votable: active || (onBoard && challenge.status === 'solved'),
    loginLink: `/login?redirectTo=${encodeURIComponent(action)}`,
  }

  return (
    <article className="challenge" aria-labelledby="challenge-title">
      <ChallengeHeader
        action={action}
        challenge={challenge}
        solvers={data.solvers}
        appeals={data.appeals}
        meId={me?.id ?? null}
        pendingEditSince={data.pendingEditSince}
        appealed={data.appealed}
        flagged={data.flagged}
      />
      <DisputeBlock
        dispute={data.dispute}
        canDispute={data.canDispute}
        canManage={can.manage}
        lastResult={resultFor(actionData, 'dispute')}
      />
      {data.fixed && (
        <FixedQuestion
          action={action}
          fixed={data.fixed}
          lastResult={resultFor(actionData, 'fixed-answer')}
        />
      )}
      <ChallengeControls page={page} challenge={challenge} viewer={data.viewer} me={me} can={can} />

      {/* Sanitised when it was written (renderMarkdown). */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: challenge.description_html }} />
      <PhotoGallery
        photos={data.photos}
        label={t('photos.heading')}
        controls={{ action, takesPart: page.takesPart, appeals: data.appeals, actionData }}
      />
      <PlaceSection placeText={challenge.place_text} lat={challenge.lat} lng={challenge.lng}>
        {data.mapTiles && challenge.lat !== null && challenge.lng !== null && (
          <ChallengeMap
            tiles={data.mapTiles}
            challenge={{ ...challenge, lat: challenge.lat, lng: challenge.lng }}
            inPlaceSection
          />
        )}
      </PlaceSection>

      <OfficialResponses
        responses={data.responses}
        canRespond={can.respond}
        lastResult={resultFor(actionData, 'official-response')}
      />

      {onBoard && (
        <p className="share">
          <label htmlFor="share-link">{t('challenge.share')}</label>{' '}
          <input id="share-link" type="url" readOnly value={data.url} />
        </p>
      )}

      <PledgesSection
        page={page}
        pledges={data.pledges}
        me={me}
        appeals={data.appeals}
        actionData={actionData}
      />
      <SolutionsSection
        page={page}
        solutions={data.solutions}
        comments={data.comments}
        solutionVotes={data.viewer?.solutionVotes ?? []}
        solveCandidates={data.solveCandidates}
        canManage={can.manage}
        me={me}
        appeals={data.appeals}
        actionData={actionData}
      />
      <CommentsSection
        page={page}
        comments={data.comments}
        me={me}
        appeals={data.appeals}
        actionData={actionData}
      />
      <HistorySection history={data.history} />

      {page.takesPart && (
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
