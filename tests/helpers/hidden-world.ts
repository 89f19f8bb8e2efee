import { db } from '~/db.server'
import { addComment, deleteComment } from '~/models/comment.server'
import { flagPost } from '~/models/flag.server'
import { setFollow } from '~/models/follow.server'
import { appeal } from '~/models/appeals.server'
import { setBan } from '~/models/bans.server'
import { addInternalNote } from '~/models/internal-notes.server'
import { hidePost } from '~/models/moderation-visibility.server'
import { postOfficialResponse } from '~/models/official-response.server'
import { insertMembership } from '~/models/organisation.server'
import { pledge, postProgress } from '~/models/pledge.server'
import { proposeSolution } from '~/models/solution.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { addPhoto } from './photo-rows'

/**
 * A word every hidden text carries besides its marker, so searches can look for hidden content
 * without echoing a marker back in the search box.
 */
export const SEARCH_WORD = 'kvarglimt'

/**
 * Every kind of content that is not for the public, each with a marker found nowhere else:
 * the leak test looks for the markers in every page and loader answer.
 */
export const MARKERS = {
  hiddenChallengeTitle: 'zqhidchaltitle',
  hiddenChallengeText: 'zqhidchaltext',
  solutionUnderHiddenChallenge: 'zqsolunderhidchal',
  commentUnderHiddenChallenge: 'zqcomunderhidchal',
  replyUnderHiddenChallenge: 'zqrepunderhidchal',
  pledgeUnderHiddenChallenge: 'zqplgunderhidchal',
  progressUnderHiddenChallenge: 'zqprgunderhidchal',
  responseUnderHiddenChallenge: 'zqrspunderhidchal',
  hiddenSolution: 'zqhidsolution',
  commentUnderHiddenSolution: 'zqcomunderhidsol',
  replyUnderHiddenSolution: 'zqrepunderhidsol',
  hiddenComment: 'zqhidcomment',
  hiddenReply: 'zqhidreply',
  heldComment: 'zqheldcomment',
  heldSolution: 'zqheldsolution',
  deletedComment: 'zqdelcomment',
  pendingChallenge: 'zqpendingchal',
  rejectedChallenge: 'zqrejectedchal',
  internalNote: 'zqinternalnote',
  flagNote: 'zqflagnote',
  appeal: 'zqappealtext',
  banReason: 'zqbanreason',
  // Photos (issue 13): each marker is the photo's alternative text.
  hiddenPhoto: 'zqhidphoto',
  photoOnHiddenChallenge: 'zqphotohidchal',
  photoOnHiddenSolution: 'zqphotohidsol',
  photoOnHeldSolution: 'zqphotoheldsol',
  photoOnPendingChallenge: 'zqphotopendchal',
  photoOnHiddenChallengeUpdate: 'zqphotohidupd',
} as const
export type MarkerKind = keyof typeof MARKERS

const text = (kind: MarkerKind) => `Text som inte är för alla ${MARKERS[kind]} ${SEARCH_WORD}.`
const title = (kind: MarkerKind) => `Utmaning ${MARKERS[kind]} ${SEARCH_WORD} om bryggan`

/**
 * Builds the hidden world: a public challenge with hidden, held and deleted posts under it,
 * a hidden challenge with something of every kind under it, a pending and a rejected one,
 * and the moderators' own notes, flags, appeals and bans. The viewers (a member following
 * both challenges, a member of the posting organisation, a member of the department the hidden
 * challenge is routed to) wrote none of it.
 */
export async function buildHiddenWorld() {
  const moderator = await createUser({ role: 'moderator' })
  const admin = await createUser({ role: 'admin' })
  const author = await createUser()
  const other = await createUser()
  const commenter = await createUser()
  const pledger = await createUser()
  const banned = await createUser()
  const follower = await createUser()
  const orgMember = await createUser()
  const deptMember = await createUser()
  const deptAuthor = await createUser()

  const org = await createOrganisation({ kind: 'business', ownerId: author.id })
  await insertMembership(db, {
    organisationId: org.id,
    userId: orgMember.id,
    role: 'member',
    status: 'active',
  })
  await insertMembership(db, {
    organisationId: org.id,
    userId: other.id,
    role: 'member',
    status: 'active',
  })
  const pledgerOrg = await createOrganisation({ kind: 'association', ownerId: pledger.id })
  const department = await createOrganisation({ kind: 'municipality', ownerId: deptAuthor.id })
  await insertMembership(db, {
    organisationId: department.id,
    userId: deptMember.id,
    role: 'member',
    status: 'active',
  })
  await db
    .updateTable('organisations')
    .set({ verified_at: new Date().toISOString() })
    .where('id', '=', department.id)
    .execute()

  const publicChallenge = await createChallengeFor(author.id, {
    organisationId: org.id,
    title: `En öppen utmaning om kajen ${SEARCH_WORD}`,
  })
  const hiddenChallenge = await createChallengeFor(author.id, {
    organisationId: org.id,
    title: title('hiddenChallengeTitle'),
    description: text('hiddenChallengeText'),
  })
  await db
    .updateTable('challenges')
    .set({ department_id: department.id })
    .where('id', 'in', [publicChallenge, hiddenChallenge])
    .execute()
  for (const id of [publicChallenge, hiddenChallenge]) await setFollow(id, follower.id, true)

  // Under the hidden challenge: one of everything.
  const solutionUnderHidden = await proposeSolution({
    challengeId: hiddenChallenge,
    authorId: pledger.id,
    organisationId: pledgerOrg.id,
    body: text('solutionUnderHiddenChallenge'),
  })
  const commentUnderHidden = await addComment({
    challengeId: hiddenChallenge,
    authorId: commenter.id,
    body: text('commentUnderHiddenChallenge'),
  })
  await addComment({
    challengeId: hiddenChallenge,
    authorId: other.id,
    body: text('replyUnderHiddenChallenge'),
    parentId: commentUnderHidden,
  })
  const pledgeUnderHidden = await pledge({
    challengeId: hiddenChallenge,
    userId: pledger.id,
    organisationId: pledgerOrg.id,
    plan: text('pledgeUnderHiddenChallenge'),
  })
  await postProgress({
    pledgeId: pledgeUnderHidden,
    authorId: pledger.id,
    body: text('progressUnderHiddenChallenge'),
  })
  await postOfficialResponse(
    { id: deptAuthor.id, role: 'member' },
    {
      challengeId: hiddenChallenge,
      body: text('responseUnderHiddenChallenge'),
      organisationId: department.id,
    },
  )

  // Under the public challenge: a hidden solution with a comment and a reply under it, a hidden
  // comment that has a visible reply, a hidden reply, held and deleted posts.
  const hiddenSolution = await proposeSolution({
    challengeId: publicChallenge,
    authorId: other.id,
    organisationId: org.id,
    body: text('hiddenSolution'),
  })
  const commentUnderHiddenSolution = await addComment({
    challengeId: publicChallenge,
    authorId: commenter.id,
    body: text('commentUnderHiddenSolution'),
    solutionId: hiddenSolution,
  })
  await addComment({
    challengeId: publicChallenge,
    authorId: pledger.id,
    body: text('replyUnderHiddenSolution'),
    parentId: commentUnderHiddenSolution,
  })
  const hiddenComment = await addComment({
    challengeId: publicChallenge,
    authorId: commenter.id,
    body: text('hiddenComment'),
  })
  await addComment({
    challengeId: publicChallenge,
    authorId: pledger.id,
    body: 'Ett synligt svar på en dold kommentar.',
    parentId: hiddenComment,
  })
  const visibleComment = await addComment({
    challengeId: publicChallenge,
    authorId: pledger.id,
    body: 'En synlig kommentar med ett dolt svar.',
  })
  const hiddenReply = await addComment({
    challengeId: publicChallenge,
    authorId: commenter.id,
    body: text('hiddenReply'),
    parentId: visibleComment,
  })
  await addComment({
    challengeId: publicChallenge,
    authorId: commenter.id,
    body: text('heldComment'),
    held: true,
  })
  const heldSolution = await proposeSolution({
    challengeId: publicChallenge,
    authorId: commenter.id,
    organisationId: null,
    body: text('heldSolution'),
    held: true,
  })
  const deleted = await addComment({
    challengeId: publicChallenge,
    authorId: commenter.id,
    body: text('deletedComment'),
  })
  await deleteComment(deleted)

  const pendingChallenge = await createChallengeFor(author.id, {
    title: title('pendingChallenge'),
    status: 'pending',
  })
  const rejectedChallenge = await createChallengeFor(author.id, {
    title: title('rejectedChallenge'),
    status: 'pending',
  })
  await db
    .updateTable('challenges')
    .set({ status: 'rejected' })
    .where('id', '=', rejectedChallenge)
    .execute()

  // Photos: one shown and one hidden on the public challenge, and one on each post nobody but
  // its author and the moderators sees. Their keys must never reach anyone else either.
  const shownPhoto = await addPhoto({
    userId: author.id,
    target: { challengeId: publicChallenge },
    alt: 'Kajen vid lågvatten',
  })
  const hiddenPhoto = await addPhoto({
    userId: author.id,
    target: { challengeId: publicChallenge },
    alt: text('hiddenPhoto'),
    caption: text('hiddenPhoto'),
  })
  const { id: updateUnderHidden } = await db
    .selectFrom('pledge_updates')
    .select('id')
    .where('pledge_id', '=', pledgeUnderHidden)
    .executeTakeFirstOrThrow()
  const concealedPhotos = [
    hiddenPhoto,
    await addPhoto({
      userId: author.id,
      target: { challengeId: hiddenChallenge },
      alt: text('photoOnHiddenChallenge'),
    }),
    await addPhoto({
      userId: other.id,
      target: { solutionId: hiddenSolution },
      alt: text('photoOnHiddenSolution'),
    }),
    await addPhoto({
      userId: commenter.id,
      target: { solutionId: heldSolution },
      alt: text('photoOnHeldSolution'),
    }),
    await addPhoto({
      userId: author.id,
      target: { challengeId: pendingChallenge },
      alt: text('photoOnPendingChallenge'),
    }),
    await addPhoto({
      userId: pledger.id,
      target: { pledgeUpdateId: updateUnderHidden },
      alt: text('photoOnHiddenChallengeUpdate'),
    }),
  ]

  // The moderators' side.
  const mod = { id: moderator.id, role: 'moderator' as const }
  const siteUrl = 'http://localhost:3000'
  for (const [subjectType, subjectId] of [
    ['challenge', hiddenChallenge],
    ['solution', hiddenSolution],
    ['comment', hiddenComment],
    ['comment', hiddenReply],
    ['photo', hiddenPhoto.id],
  ] as const) {
    await hidePost(mod, { subjectType, subjectId, reason: 'spam', siteUrl })
  }
  await addInternalNote(mod, publicChallenge, text('internalNote'))
  await flagPost({
    subjectType: 'challenge',
    subjectId: publicChallenge,
    challengeId: publicChallenge,
    userId: commenter.id,
    reason: 'spam',
    note: text('flagNote'),
  })
  await appeal({
    userId: other.id,
    challengeId: publicChallenge,
    subjectType: 'solution',
    subjectId: hiddenSolution,
    body: text('appeal'),
  })
  // A photo flagged with a note, and the hidden photo appealed: moderators' reading too.
  await flagPost({
    subjectType: 'photo',
    subjectId: shownPhoto.id,
    challengeId: publicChallenge,
    userId: commenter.id,
    reason: 'personal_data',
    note: text('flagNote'),
  })
  await appeal({
    userId: author.id,
    challengeId: publicChallenge,
    subjectType: 'photo',
    subjectId: hiddenPhoto.id,
    body: text('appeal'),
  })
  await setBan(mod, {
    userId: banned.id,
    until: new Date(Date.now() + 86_400_000).toISOString(),
    reason: text('banReason'),
  })

  return {
    users: {
      moderator,
      admin,
      author,
      other,
      commenter,
      pledger,
      banned,
      follower,
      orgMember,
      deptMember,
      deptAuthor,
    },
    orgs: { org, pledgerOrg, department },
    challenges: { publicChallenge, hiddenChallenge, pendingChallenge, rejectedChallenge },
    solutions: { hiddenSolution, heldSolution, solutionUnderHidden },
    comments: { hiddenComment, hiddenReply, commentUnderHiddenSolution, visibleComment },
    pledges: { pledgeUnderHidden },
    photos: { shown: shownPhoto, hidden: hiddenPhoto, concealed: concealedPhotos },
  }
}
