import type { SerializeFrom } from '@remix-run/node'
import type { challengePageData } from '~/loaders/challenge.server'

/** The challenge page's loader data, as the browser receives it. */
export type ChallengeData = SerializeFrom<typeof challengePageData>
export type Me = ChallengeData['me']
export type Appeals = ChallengeData['appeals']

/** What the page works out once and every section reads. */
export interface PageState {
  /** Where the page's forms post: the challenge's own URL. */
  action: string
  signedIn: boolean
  /** Off the public board (hidden, pending, rejected) only editing, appealing and tidying up apply. */
  onBoard: boolean
  /** Signed in and on the public board: following, commenting, flagging. */
  takesPart: boolean
  /** Open or in progress: pledges, proposals, accepting and solving. */
  active: boolean
  /** Votes count while active and once solved. */
  votable: boolean
  loginLink: string
}
