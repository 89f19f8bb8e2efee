import { sql } from 'kysely'
import { db, transaction } from '~/db.server'
import {
  containsPattern,
  likeIgnoringCase,
  likeLiteral,
  tableExists,
} from '~/models/dialect.server'
import { recordAudit } from '~/models/audit.server'
import { deleteDraftsOf } from '~/models/photo.server'
import { FLAGGABLE_TABLE } from '~/models/post-kinds.server'
import { indexChallenge } from '~/models/search.server'
import { recountChallenges, recountSolutions } from '~/models/recount.server'
import { verifyPassword } from '~/services/password.server'

/** 'keep': posts stay, shown as "former member". 'remove': posts are deleted too. */
export type ContributionsMode = 'keep' | 'remove'

export interface DeletionCounts {
  challengeVotes: number
  solutionVotes: number
  follows: number
  challenges: number
  solutions: number
  comments: number
  commentsBlanked: number
  pledges: number
  pledgeUpdates: number
  mails: number
  sessions: number
  notifications: number
  /** Rows deleted with 'remove'; with 'keep' they stay without the person (flags lose the note). */
  flags: number
  appeals: number
  disputes: number
  /** Photos uploaded but never posted: deleted in both modes. */
  photoDrafts: number
}

/** Templates of mail to other people that name the person who caused it. */
const MAIL_NAMING_OTHERS = ['joinRequest'] as const

const uniq = (ids: Array<number | null>) => [...new Set(ids.filter((id): id is number => !!id))]

async function ids<T extends { id: number | null }>(rows: Promise<T[]>): Promise<number[]> {
  return uniq((await rows).map((r) => r.id))
}

/** Keys under which audit values hold a person's name or address. */
const PERSONAL_KEYS = new Set(['name', 'email', 'to', 'to_address', 'password_hash'])

interface Person {
  email: string
  name: string
}

/**
 * A copy of an audit before/after value without this person's name and address. In an entry
 * about the person every name/address key goes; in an entry they only acted in (e.g. creating
 * an organisation, whose `name` is the organisation's) only values that are theirs go. A text
 * holding their address loses it (the address is theirs alone, unlike a name or a role).
 */
function scrubJson(value: unknown, person: Person, aboutThem: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, person, aboutThem))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => !(PERSONAL_KEYS.has(key) && (aboutThem || isTheirs(v, person))))
        .map(([key, v]) => [key, scrubJson(v, person, aboutThem)]),
    )
  }
  if (typeof value === 'string' && value.toLowerCase().includes(person.email)) return null
  return value
}

function isTheirs(value: unknown, person: Person): boolean {
  return (
    typeof value === 'string' &&
    (value === person.name || value.trim().toLowerCase() === person.email)
  )
}

function scrubText(text: string | null, person: Person, aboutThem: boolean): string | null {
  if (text === null) return null
  try {
    return JSON.stringify(scrubJson(JSON.parse(text), person, aboutThem))
  } catch {
    return text.toLowerCase().includes(person.email) ? null : text
  }
}

/**
 * Deletes an account in one transaction. Counters on challenges and solutions are recomputed
 * from the remaining rows; with 'keep' the person's posts stay with no author ("former
 * member"); with 'remove' they are deleted (a comment others replied to becomes the "comment
 * removed" placeholder; deleting a challenge takes everything under it, others' posts too).
 * Official responses and internal notes belong to the organisation's work and always stay.
 * Photos follow their posts: deleted with them by the foreign keys' cascade ('remove'), or kept
 * with them without an uploader ('keep': photos.user_id becomes NULL); drafts always go.
 * Returns null when there is no such user.
 */
export async function deleteAccount(
  userId: number,
  options: { contributions: ContributionsMode; reason?: 'self' | 'unconfirmed' },
): Promise<DeletionCounts | null> {
  const remove = options.contributions === 'remove'
  return transaction(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user) return null
    const email = user.email.toLowerCase()
    const now = new Date().toISOString()

    // Everything whose numbers may change, gathered before any row goes.
    const touchedChallenges = [
      ...(await ids(
        trx
          .selectFrom('challenge_votes')
          .select('challenge_id as id')
          .where('user_id', '=', userId)
          .execute(),
      )),
      ...(await ids(
        trx
          .selectFrom('follows')
          .select('challenge_id as id')
          .where('user_id', '=', userId)
          .execute(),
      )),
    ]
    const touchedSolutions = await ids(
      trx
        .selectFrom('solution_votes')
        .select('solution_id as id')
        .where('user_id', '=', userId)
        .execute(),
    )
    const reindex: number[] = []

    const challengeVotes = Number(
      (await trx.deleteFrom('challenge_votes').where('user_id', '=', userId).executeTakeFirst())
        .numDeletedRows,
    )
    const solutionVotes = Number(
      (await trx.deleteFrom('solution_votes').where('user_id', '=', userId).executeTakeFirst())
        .numDeletedRows,
    )
    const follows = Number(
      (await trx.deleteFrom('follows').where('user_id', '=', userId).executeTakeFirst())
        .numDeletedRows,
    )

    let challenges = 0
    let solutions = 0
    let comments = 0
    let commentsBlanked = 0
    let pledges = 0
    let pledgeUpdates = 0

    if (remove) {
      const ownComments = await trx
        .selectFrom('comments')
        .select(['id', 'challenge_id', 'solution_id', 'parent_id'])
        .where('author_id', '=', userId)
        .execute()
      touchedChallenges.push(...ownComments.map((c) => c.challenge_id))
      touchedSolutions.push(...uniq(ownComments.map((c) => c.solution_id)))
      // Replies first (one level of replies), then top-level comments: those with replies
      // from others keep a blank "comment removed" placeholder, the rest are deleted.
      const replyIds = ownComments.filter((c) => c.parent_id !== null).map((c) => c.id)
      if (replyIds.length) {
        comments += Number(
          (await trx.deleteFrom('comments').where('id', 'in', replyIds).executeTakeFirst())
            .numDeletedRows,
        )
      }
      for (const comment of ownComments.filter((c) => c.parent_id === null)) {
        const reply = await trx
          .selectFrom('comments')
          .select('id')
          .where('parent_id', '=', comment.id)
          .executeTakeFirst()
        if (reply) {
          await trx
            .updateTable('comments')
            .set({
              author_id: null,
              body_md: '',
              body_html: '',
              deleted_at: sql`coalesce(deleted_at, ${now})`,
            })
            .where('id', '=', comment.id)
            .execute()
          commentsBlanked++
        } else {
          await trx.deleteFrom('comments').where('id', '=', comment.id).execute()
          comments++
        }
      }

      const ownPledges = await trx
        .selectFrom('pledges')
        .select(['id', 'challenge_id'])
        .where('user_id', '=', userId)
        .execute()
      touchedChallenges.push(...ownPledges.map((p) => p.challenge_id))
      pledgeUpdates += Number(
        (await trx.deleteFrom('pledge_updates').where('author_id', '=', userId).executeTakeFirst())
          .numDeletedRows,
      )
      if (ownPledges.length) {
        pledgeUpdates += Number(
          (
            await trx
              .deleteFrom('pledge_updates')
              .where(
                'pledge_id',
                'in',
                ownPledges.map((p) => p.id),
              )
              .executeTakeFirst()
          ).numDeletedRows,
        )
        pledges = Number(
          (
            await trx
              .deleteFrom('pledges')
              .where(
                'id',
                'in',
                ownPledges.map((p) => p.id),
              )
              .executeTakeFirst()
          ).numDeletedRows,
        )
      }

      // Deleting a solution takes its revisions, votes and the comments under it.
      const ownSolutions = await trx
        .selectFrom('solutions')
        .select(['id', 'challenge_id'])
        .where('author_id', '=', userId)
        .execute()
      touchedChallenges.push(...ownSolutions.map((s) => s.challenge_id))
      reindex.push(...ownSolutions.map((s) => s.challenge_id))
      if (ownSolutions.length) {
        solutions = Number(
          (
            await trx
              .deleteFrom('solutions')
              .where(
                'id',
                'in',
                ownSolutions.map((s) => s.id),
              )
              .executeTakeFirst()
          ).numDeletedRows,
        )
      }

      // Deleting a challenge takes everything under it (others' solutions and comments too).
      const ownChallenges = await ids(
        trx.selectFrom('challenges').select('id').where('author_id', '=', userId).execute(),
      )
      reindex.push(...ownChallenges)
      if (ownChallenges.length) {
        challenges = Number(
          (await trx.deleteFrom('challenges').where('id', 'in', ownChallenges).executeTakeFirst())
            .numDeletedRows,
        )
      }
    }

    const photoDrafts = await deleteDraftsOf(trx, userId)

    await recountChallenges(trx, touchedChallenges)
    await recountSolutions(trx, touchedSolutions)
    for (const challengeId of uniq(reindex)) await indexChallenge(trx, challengeId)

    let mails = Number(
      (
        await trx
          .deleteFrom('email_outbox')
          .where(sql`lower(to_address)`, '=', email)
          .executeTakeFirst()
      ).numDeletedRows,
    )

    // Mail to others that names the person (an organisation's owners hear who asked to join)
    // goes too. Such a subject starts with the name and a space ("Anna Berg vill gå med i …"),
    // so "Erik" does not take "Erika Berg"'s request with it.
    const name = user.name.trim()
    if (name) {
      const startsWithName = `${likeLiteral(name)} %`
      mails += Number(
        (
          await trx
            .deleteFrom('email_outbox')
            .where('template', 'in', [...MAIL_NAMING_OTHERS])
            .where(likeIgnoringCase(sql.ref('subject'), startsWithName))
            .executeTakeFirst()
        ).numDeletedRows,
      )
    }

    // The audit trail stays (it records what moderators did), without the name and address,
    // and without the network address of the person's own actions. Only entries about the
    // person or by the person are touched: others' entries stay exactly as they were.
    const person = { email, name: user.name }
    const auditRows = await trx
      .selectFrom('audit_log')
      .select(['id', 'before', 'after', 'reason', 'actor_id', 'subject_type', 'subject_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', userId)]),
          eb('actor_id', '=', userId),
        ]),
      )
      .execute()
    for (const row of auditRows) {
      const aboutThem = row.subject_type === 'user' && row.subject_id === userId
      await trx
        .updateTable('audit_log')
        .set({
          before: scrubText(row.before, person, aboutThem),
          after: scrubText(row.after, person, aboutThem),
          reason: row.reason?.toLowerCase().includes(email) ? null : row.reason,
          ...(row.actor_id === userId ? { ip: null } : {}),
        })
        .where('id', '=', row.id)
        .execute()
    }

    // Rate-limit counters are keyed by address (when the limiter's table exists).
    if (await tableExists(trx, 'rate_limits')) {
      await sql`delete from rate_limits where lower(key) like ${containsPattern(email)} escape '\\'`.execute(
        trx,
      )
    }

    // A flag's note is free text that may say anything about anyone: it goes in both modes.
    // 'remove' takes the person's flags, appeals and disputes (their own words) as well; the
    // moderation queue's counts simply drop. A flag still open on a post that flags hid
    // automatically stays, without note or person, so the hidden post stays in the queue.
    await trx.updateTable('flags').set({ note: null }).where('user_id', '=', userId).execute()
    let flags = 0
    let appeals = 0
    let disputes = 0
    if (remove) {
      flags = Number(
        (
          await trx
            .deleteFrom('flags')
            .where('user_id', '=', userId)
            .where((eb) =>
              eb.not(
                eb.and([
                  eb('resolved_at', 'is', null),
                  eb.or(
                    (['challenge', 'solution', 'comment', 'photo'] as const).map((type) =>
                      eb.and([
                        eb('subject_type', '=', type),
                        eb.exists(
                          eb
                            .selectFrom(FLAGGABLE_TABLE[type])
                            .select(sql`1`.as('one'))
                            .whereRef(`${FLAGGABLE_TABLE[type]}.id`, '=', 'flags.subject_id')
                            .where(`${FLAGGABLE_TABLE[type]}.hidden_at`, 'is not', null)
                            .where(`${FLAGGABLE_TABLE[type]}.hidden_reason`, '=', 'auto_flags'),
                        ),
                      ]),
                    ),
                  ),
                ]),
              ),
            )
            .executeTakeFirst()
        ).numDeletedRows,
      )
      appeals = Number(
        (await trx.deleteFrom('appeals').where('user_id', '=', userId).executeTakeFirst())
          .numDeletedRows,
      )
      disputes = Number(
        (await trx.deleteFrom('disputes').where('user_id', '=', userId).executeTakeFirst())
          .numDeletedRows,
      )
    }

    const notifications = Number(
      (await trx.deleteFrom('notifications').where('user_id', '=', userId).executeTakeFirst())
        .numDeletedRows,
    )
    const sessions = Number(
      (await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst())
        .numDeletedRows,
    )
    // An organisation must not lose its last owner: its longest-standing member takes over.
    const owned = await trx
      .selectFrom('memberships')
      .select('organisation_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .execute()
    for (const { organisation_id } of owned) {
      const others = await trx
        .selectFrom('memberships')
        .select(['user_id', 'role'])
        .where('organisation_id', '=', organisation_id)
        .where('user_id', '!=', userId)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .orderBy('user_id')
        .execute()
      const heir = others[0]
      if (!heir || others.some((m) => m.role === 'owner')) continue
      await trx
        .updateTable('memberships')
        .set({ role: 'owner' })
        .where('organisation_id', '=', organisation_id)
        .where('user_id', '=', heir.user_id)
        .execute()
      await recordAudit(trx, {
        actorId: null,
        action: 'organisation.owner_promoted',
        subjectType: 'organisation',
        subjectId: organisation_id,
        after: { user_id: heir.user_id, because: 'owner_account_deleted' },
      })
    }

    // Foreign keys do the rest: tokens and memberships go with the row; every other reference
    // (authorship, flags, appeals, disputes, decisions, revisions) becomes NULL.
    await trx.deleteFrom('users').where('id', '=', userId).execute()

    await recordAudit(trx, {
      actorId: null,
      action: 'user.account_deleted',
      subjectType: 'user',
      subjectId: userId,
      after: { contributions: options.contributions, by: options.reason ?? 'self' },
    })

    return {
      challengeVotes,
      solutionVotes,
      follows,
      challenges,
      solutions,
      comments,
      commentsBlanked,
      pledges,
      pledgeUpdates,
      mails,
      sessions,
      notifications,
      flags,
      appeals,
      disputes,
      photoDrafts,
    }
  })
}

/**
 * The person deletes their own account: the current password must match. Returns null when
 * it does not (nothing is changed), the counts otherwise.
 */
export async function deleteOwnAccount(input: {
  userId: number
  password: string
  contributions: ContributionsMode
}): Promise<DeletionCounts | null> {
  const user = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', input.userId)
    .executeTakeFirst()
  if (!user || !(await verifyPassword(user.password_hash, input.password))) return null
  return deleteAccount(input.userId, { contributions: input.contributions, reason: 'self' })
}

/** What 'remove' would take with it that others wrote: shown before the person decides. */
export async function countOthersPostsUnder(userId: number) {
  const row = await db
    .selectFrom('challenges')
    .select((eb) => [
      eb.fn.countAll<number>().as('challenges'),
      eb.fn
        .sum<number>(
          eb
            .selectFrom('solutions')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('solutions.challenge_id', '=', 'challenges.id')
            .where((w) =>
              w.or([w('solutions.author_id', 'is', null), w('solutions.author_id', '!=', userId)]),
            ),
        )
        .as('solutions'),
      eb.fn
        .sum<number>(
          eb
            .selectFrom('comments')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('comments.challenge_id', '=', 'challenges.id')
            .where((w) =>
              w.or([w('comments.author_id', 'is', null), w('comments.author_id', '!=', userId)]),
            ),
        )
        .as('comments'),
    ])
    .where('author_id', '=', userId)
    .executeTakeFirstOrThrow()
  return {
    challenges: Number(row.challenges ?? 0),
    solutions: Number(row.solutions ?? 0),
    comments: Number(row.comments ?? 0),
  }
}
