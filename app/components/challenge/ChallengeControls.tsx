import { Form, Link } from '@remix-run/react'
import { VoteButton } from '~/components/challenge/VoteButton'
import { useTranslation } from '~/i18n-react'
import type { ChallengeData, PageState } from './types'

/** Vote, follow, sign in to take part, and the edit link for whoever manages the challenge. */
export function ChallengeControls(props: {
  page: PageState
  challenge: ChallengeData['challenge']
  viewer: ChallengeData['viewer']
  me: ChallengeData['me']
  can: ChallengeData['can']
}) {
  const { t } = useTranslation()
  const { page, challenge, viewer, me, can } = props
  return (
    <div className="challenge-actions">
      <VoteButton
        action={page.action}
        voted={viewer?.voted ?? false}
        count={challenge.vote_count}
        canVote={page.signedIn && page.votable && me?.id !== challenge.author_id}
        label={challenge.title}
      />
      {page.takesPart ? (
        <Form method="post" action={page.action}>
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
        !page.signedIn && (
          <p>
            <Link to={page.loginLink}>{t('challenge.signInToTakePart')}</Link>
          </p>
        )
      )}
      {can.edit && (
        <p>
          <Link to={`${page.action}/edit`}>{t('challenge.edit')}</Link>
        </p>
      )}
    </div>
  )
}
