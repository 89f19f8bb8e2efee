import { sql } from 'kysely'
import { db } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { addComment } from '~/models/comment.server'
import { createConfirmationToken } from '~/models/email-confirmation.server'
import { flagPost } from '~/models/flag.server'
import { setFollow } from '~/models/follow.server'
import { createResetToken } from '~/models/password-reset.server'
import { pledge, postProgress } from '~/models/pledge.server'
import { insertSession } from '~/models/session.server'
import { editSolution, proposeSolution } from '~/models/solution.server'
import { getChallenge, updateChallenge } from '~/models/challenge.server'
import { setChallengeVote, setSolutionVote } from '~/models/vote.server'
import { queueMail } from '~/services/mail.server'
import { consume } from '~/services/rate-limit.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { foreignKeysTo } from './schema'

let world = 0

/**
 * A member with a row in every table that can refer to a person, among others' posts: what
 * the deletion and export tests check table by table.
 */
export async function buildUserWithEverything() {
  const n = `${Date.now().toString(36)}${++world}`
  const name = `Zelda Raderbar ${n}`
  const target = await createUser({ name, email: `zelda-${n}@example.se` })
  const other = await createUser({ name: `Otto Annan ${n}` })
  const moderator = await createUser({ role: 'moderator', name: `Mona Moderator ${n}` })
  await createOrganisation({ ownerId: target.id }) // membership

  // Their own challenge, edited once (a revision), with another person's solution under it.
  const ownChallenge = await createChallengeFor(target.id, { title: `Egen utmaning ${n}` })
  const own = (await getChallenge(ownChallenge))!
  await updateChallenge(ownChallenge, {
    title: `Egen utmaning ${n} (ändrad)`,
    description: 'En ändrad beskrivning.',
    categoryId: own.category_id,
    areaId: own.area_id,
    editorId: target.id,
  })
  const othersSolutionUnderOwn = await proposeSolution({
    challengeId: ownChallenge,
    authorId: other.id,
    organisationId: null,
    body: 'Ett förslag från någon annan under den egna utmaningen.',
  })
  await setChallengeVote({ userId: other.id, challengeId: ownChallenge, vote: true })

  // Someone else's challenge: their solution (edited), votes, comments, a pledge, a follow.
  const otherChallenge = await createChallengeFor(other.id, { title: `Annans utmaning ${n}` })
  const ownSolution = await proposeSolution({
    challengeId: otherChallenge,
    authorId: target.id,
    organisationId: null,
    body: `Mitt förslag kvastskaft${n}`,
  })
  await editSolution({
    solutionId: ownSolution,
    editorId: target.id,
    body: `Mitt förslag kvastskaft${n}, ändrat`,
  })
  await setSolutionVote({ userId: other.id, solutionId: ownSolution, vote: true })
  const otherSolution = await proposeSolution({
    challengeId: otherChallenge,
    authorId: other.id,
    organisationId: null,
    body: 'Den andras förslag.',
  })
  await setChallengeVote({ userId: target.id, challengeId: otherChallenge, vote: true })
  await setSolutionVote({ userId: target.id, solutionId: otherSolution, vote: true })
  await setFollow(otherChallenge, target.id, true)

  const commentWithReply = await addComment({
    challengeId: otherChallenge,
    authorId: target.id,
    body: 'En kommentar som någon svarar på.',
  })
  const replyByOther = await addComment({
    challengeId: otherChallenge,
    authorId: other.id,
    body: 'Ett svar från någon annan.',
    parentId: commentWithReply,
  })
  const commentAlone = await addComment({
    challengeId: otherChallenge,
    authorId: target.id,
    body: 'En kommentar utan svar.',
    solutionId: otherSolution,
  })
  const othersComment = await addComment({
    challengeId: otherChallenge,
    authorId: other.id,
    body: 'Den andras kommentar.',
  })
  const replyByTarget = await addComment({
    challengeId: otherChallenge,
    authorId: target.id,
    body: 'Mitt svar på den andras kommentar.',
    parentId: othersComment,
  })
  const othersCommentUnderOwn = await addComment({
    challengeId: ownChallenge,
    authorId: other.id,
    body: 'Någon annans kommentar under den egna utmaningen.',
  })

  const pledgeId = await pledge({
    challengeId: otherChallenge,
    userId: target.id,
    organisationId: null,
    plan: 'Jag tar med en skottkärra.',
  })
  await postProgress({ pledgeId, authorId: target.id, body: 'Halvvägs.' })

  await flagPost({
    subjectType: 'solution',
    subjectId: otherSolution,
    challengeId: otherChallenge,
    userId: target.id,
    reason: 'spam',
    note: 'Ser ut som reklam.',
  })
  // Photos: one on their own challenge, a draft never posted, and someone else's photo the
  // person hid (a staff role in the past).
  const photo = (key: string, userId: number, challengeId: number | null) => ({
    key: `${key}${n}`.padEnd(22, 'x').slice(0, 22),
    user_id: userId,
    challenge_id: challengeId,
    alt_text: 'Ett foto',
    width: 800,
    height: 600,
  })
  await db
    .insertInto('photos')
    .values([
      photo('own', target.id, ownChallenge),
      photo('draft', target.id, null),
      {
        ...photo('hidden', other.id, otherChallenge),
        hidden_at: new Date().toISOString(),
        hidden_reason: 'Visar ett ansikte',
        hidden_by: target.id,
      },
    ])
    .execute()

  // A flag someone else made, resolved by the person (a staff role in the past).
  await db
    .insertInto('flags')
    .values({
      subject_type: 'challenge',
      subject_id: otherChallenge,
      challenge_id: otherChallenge,
      user_id: other.id,
      reason: 'other',
      note: null,
      resolved_at: new Date().toISOString(),
      resolved_by: target.id,
      resolution: 'dismissed',
    })
    .execute()
  await db
    .insertInto('appeals')
    .values({
      subject_type: 'comment',
      subject_id: commentAlone,
      challenge_id: otherChallenge,
      user_id: target.id,
      body: 'Kommentaren var saklig.',
      status: 'open',
      decided_by: null,
      decided_at: null,
    })
    .execute()
  await db
    .insertInto('appeals')
    .values({
      subject_type: 'comment',
      subject_id: othersComment,
      challenge_id: otherChallenge,
      user_id: other.id,
      body: 'Den andras överklagande.',
      status: 'rejected',
      decided_by: target.id,
      decided_at: new Date().toISOString(),
    })
    .execute()
  await db
    .insertInto('disputes')
    .values({
      challenge_id: otherChallenge,
      user_id: target.id,
      body: 'Det är inte löst.',
      status: 'open',
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .execute()
  await db
    .insertInto('disputes')
    .values({
      challenge_id: ownChallenge,
      user_id: other.id,
      body: 'Den andras invändning.',
      status: 'rejected',
      decided_by: target.id,
      decided_at: new Date().toISOString(),
      decision_note: 'Åtgärdat.',
    })
    .execute()
  await db
    .insertInto('internal_notes')
    .values({ challenge_id: otherChallenge, author_id: target.id, body: 'Intern anteckning.' })
    .execute()
  await db
    .insertInto('official_responses')
    .values({
      challenge_id: otherChallenge,
      author_id: target.id,
      organisation_id: null,
      body_md: 'Officiellt svar.',
      body_html: '<p>Officiellt svar.</p>',
    })
    .execute()
  await db
    .insertInto('challenge_solvers')
    .values({
      challenge_id: otherChallenge,
      solution_id: ownSolution,
      organisation_id: null,
      user_id: target.id,
    })
    .execute()
  // Their answer to "is it fixed?" (issue 9): one per person per challenge.
  await db
    .insertInto('fixed_answers')
    .values({ challenge_id: otherChallenge, user_id: target.id, fixed: 1 })
    .execute()
  await db
    .updateTable('challenges')
    .set({ contact_user_id: target.id })
    .where('id', '=', otherChallenge)
    .execute()
  await db
    .updateTable('solutions')
    .set({ accepted_by: target.id, accepted_at: new Date().toISOString() })
    .where('id', '=', otherSolution)
    .execute()

  // Something happens on a challenge they follow: a notification to them.
  await addComment({
    challengeId: otherChallenge,
    authorId: other.id,
    body: 'Något nytt händer.',
  })

  await insertSession({ userId: target.id })
  await insertSession({ userId: target.id })
  await createResetToken(db, target.id)
  await createConfirmationToken(db, target.id)
  await queueMail(
    db,
    target.email,
    { name: 'welcome', values: { name, url: 'http://localhost:3000/' } },
    'sv',
  )
  await recordAudit(db, {
    actorId: target.id,
    action: 'user.password_change',
    subjectType: 'user',
    subjectId: target.id,
    ip: '192.0.2.7',
  })
  await recordAudit(db, {
    actorId: moderator.id,
    action: 'user.ban',
    subjectType: 'user',
    subjectId: target.id,
    before: { name, email: target.email, role: 'member' },
    after: { banned_until: null, note: `Varnad via ${target.email}` },
    reason: 'Test',
  })
  // A rate-limit counter keyed by their address (the limiter's own table).
  await consume('loginAccountIp', `${target.email}|192.0.2.7`)

  return {
    target: { ...target, name },
    other,
    moderator,
    ownChallenge,
    otherChallenge,
    ownSolution,
    otherSolution,
    othersSolutionUnderOwn,
    commentWithReply,
    replyByOther,
    commentAlone,
    replyByTarget,
    othersComment,
    othersCommentUnderOwn,
    pledgeId,
    searchWord: `kvastskaft${n}`,
  }
}

/** Every (table, column) in the schema that refers to users.id. */
export async function userReferences(): Promise<Array<{ table: string; column: string }>> {
  return foreignKeysTo('users')
}

/** Counters as the app defines them, recounted from the rows. */
export async function counterMismatches(): Promise<string[]> {
  // Trending: votes 1, comments 2 (not the author's, not removed or hidden), follows 1 (not the
  // author's), made in the last 14 days.
  const cutoff = new Date(Date.now() - 14 * 86_400_000).toISOString()
  const problems: string[] = []
  const challenges = await sql<{
    id: number
    vote_count: number
    follower_count: number
    comment_count: number
    solution_count: number
    pledge_count: number
    hot: number
    trending: number
    votes: number
    followers: number
    comments: number
    solutions: number
    pledges: number
  }>`select c.*,
      (select count(*) from challenge_votes v where v.challenge_id = c.id) as votes,
      (select count(*) from follows f where f.challenge_id = c.id) as followers,
      (select count(*) from comments m where m.challenge_id = c.id) as comments,
      (select count(*) from solutions s where s.challenge_id = c.id) as solutions,
      (select count(*) from pledges p where p.challenge_id = c.id and p.status != 'withdrawn') as pledges,
      (select count(*) from challenge_votes v where v.challenge_id = c.id and v.created_at >= ${cutoff})
      + 2 * (select count(*) from comments m where m.challenge_id = c.id and m.created_at >= ${cutoff}
          and m.deleted_at is null and m.hidden_at is null and m.author_id is distinct from c.author_id)
      + (select count(*) from follows f where f.challenge_id = c.id and f.created_at >= ${cutoff}
          and f.user_id is distinct from c.author_id) as trending
    from challenges c`.execute(db)
  for (const c of challenges.rows) {
    const pairs: Array<[string, number, number]> = [
      ['vote_count', c.vote_count, c.votes],
      ['follower_count', c.follower_count, c.followers],
      ['comment_count', c.comment_count, c.comments],
      ['solution_count', c.solution_count, c.solutions],
      ['pledge_count', c.pledge_count, c.pledges],
    ]
    for (const [column, stored, counted] of pairs) {
      if (stored !== counted) problems.push(`challenge ${c.id} ${column} ${stored} ≠ ${counted}`)
    }
    if (c.hot !== c.trending) problems.push(`challenge ${c.id} hot ${c.hot} ≠ ${c.trending}`)
  }
  const solutions = await sql<{
    id: number
    vote_count: number
    comment_count: number
    votes: number
    comments: number
  }>`select s.id, s.vote_count, s.comment_count,
      (select count(*) from solution_votes v where v.solution_id = s.id) as votes,
      (select count(*) from comments m where m.solution_id = s.id) as comments
    from solutions s`.execute(db)
  for (const s of solutions.rows) {
    if (s.vote_count !== s.votes)
      problems.push(`solution ${s.id} vote_count ${s.vote_count} ≠ ${s.votes}`)
    if (s.comment_count !== s.comments)
      problems.push(`solution ${s.id} comment_count ${s.comment_count} ≠ ${s.comments}`)
  }
  return problems
}
