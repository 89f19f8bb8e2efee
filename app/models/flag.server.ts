import type { FlagSubject } from '#db/schema'
import { db, transaction, type Executor } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import type { FLAG_REASONS } from '~/models/flag-reasons'
import { hiddenMail, tellAuthor } from '~/models/moderation-mail.server'
import type { Actor } from '~/utils/policy'
import {
  findPost,
  photosWithChallenge,
  POST_TABLE,
  setPostHidden,
} from '~/models/post-kinds.server'
import { indexChallenge } from '~/models/search.server'
import { networkKey } from '~/services/client-ip'
import { networkTag } from '~/services/network-tag.server'
import { isProtectedFromFlags } from '~/utils/policy'
import { lockPost } from '~/models/dialect.server'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * What one person's flag weighs towards hiding a post before a moderator has looked
 * (docs/decisions.md, "Who flags decides how much a flag weighs"). Every flag reaches the
 * moderation queue whatever it weighs; the weight only decides whether the post is hidden
 * while it waits.
 */
export const FLAG_TRUST = {
  /** No confirmed e-mail address: such accounts cost nothing to make by the dozen. */
  unconfirmed: 0,
  /** Confirmed, but registered less than `establishedDays` ago. */
  recent: 0,
  /** Confirmed and registered at least `establishedDays` ago. */
  established: 1,
  /** Established, and moderators upheld at least one earlier flag and dismissed no more. */
  trackRecord: 2,
  /** Moderators dismissed at least two earlier flags, and more than they upheld. */
  poorRecord: 0,
  establishedDays: 7,
  /**
   * Flags from one network count once, by the heaviest flagger there, and a post is hidden only
   * when flaggers from at least this many networks weigh in: one household, office or script
   * host can never hide a post alone.
   */
  minNetworks: 2,
} as const

export interface FlaggerRecord {
  confirmed: boolean
  accountAgeDays: number
  /** Earlier flags a moderator upheld (hid the post, or confirmed the automatic hiding). */
  upheld: number
  /** Earlier flags a moderator dismissed. */
  dismissed: number
}

/** One flagger's weight (FLAG_TRUST). */
export function flaggerWeight(f: FlaggerRecord): number {
  if (!f.confirmed) return FLAG_TRUST.unconfirmed
  if (f.dismissed >= 2 && f.dismissed > f.upheld) return FLAG_TRUST.poorRecord
  if (f.accountAgeDays < FLAG_TRUST.establishedDays) return FLAG_TRUST.recent
  if (f.upheld >= 1 && f.dismissed <= f.upheld) return FLAG_TRUST.trackRecord
  return FLAG_TRUST.established
}

/** Stored for the moderation queue; a second flag by the same user on the same post is ignored. */
export async function flagPost(input: {
  subjectType: FlagSubject
  subjectId: number
  challengeId: number
  userId: number
  reason: (typeof FLAG_REASONS)[number]
  note: string | null
  /** The flagger's address: only a keyed hash of its network, salted with the post, is kept. */
  ip?: string | null
}) {
  const network = input.ip
    ? networkTag('flag', `${input.subjectType}:${input.subjectId}:${networkKey(input.ip)}`)
    : null
  const result = await db
    .insertInto('flags')
    .values({
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      challenge_id: input.challengeId,
      user_id: input.userId,
      reason: input.reason,
      note: input.note,
      resolved_at: null,
      network,
    })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'user_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

export interface FlagWeight {
  /** The sum over networks of the heaviest flagger's weight in each. */
  score: number
  /** Networks whose flags weigh anything. */
  networks: number
  /** Open flags on the post. */
  flags: number
}

/** What the open flags on a post weigh together, as the flaggers stand now. */
export async function weighFlags(
  executor: Executor,
  subjectType: FlagSubject,
  subjectId: number,
  now = new Date(),
): Promise<FlagWeight> {
  const rows = await executor
    .selectFrom('flags')
    .leftJoin('users', 'users.id', 'flags.user_id')
    .select(['flags.id', 'flags.network', 'users.email_verified_at', 'users.created_at'])
    .select((eb) => [
      eb
        .selectFrom('flags as past')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('past.user_id', '=', 'flags.user_id')
        .where('past.resolution', 'in', ['hidden', 'upheld'])
        .where('past.resolved_by', 'is not', null)
        .as('upheld'),
      eb
        .selectFrom('flags as past')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('past.user_id', '=', 'flags.user_id')
        .where('past.resolution', '=', 'dismissed')
        .as('dismissed'),
    ])
    .where('flags.subject_type', '=', subjectType)
    .where('flags.subject_id', '=', subjectId)
    .where('flags.resolved_at', 'is', null)
    .execute()
  const heaviest = new Map<string, number>()
  for (const row of rows) {
    // A flag whose flagger is gone weighs nothing; one from before networks were kept is a
    // network of its own.
    const weight = row.created_at
      ? flaggerWeight({
          confirmed: row.email_verified_at !== null,
          accountAgeDays: (now.getTime() - Date.parse(row.created_at)) / DAY_MS,
          upheld: Number(row.upheld ?? 0),
          dismissed: Number(row.dismissed ?? 0),
        })
      : 0
    const network = row.network ?? `flag:${row.id}`
    heaviest.set(network, Math.max(heaviest.get(network) ?? 0, weight))
  }
  const weights = [...heaviest.values()].filter((w) => w > 0)
  return {
    score: weights.reduce((sum, w) => sum + w, 0),
    networks: weights.length,
    flags: rows.length,
  }
}

/** Whether flags alone may not hide this post (the policy's isProtectedFromFlags). */
async function isProtectedPost(
  executor: Executor,
  subjectType: FlagSubject,
  subjectId: number,
): Promise<boolean> {
  if (subjectType === 'photo') {
    // A photo is protected as its post is (posted for a department or a verified organisation),
    // and when staff uploaded it.
    const row = await photosWithChallenge(executor)
      .leftJoin('users as author', 'author.id', 'photos.user_id')
      .leftJoin('organisations as org', (join) =>
        join.on((eb) =>
          eb(
            'org.id',
            '=',
            eb.fn.coalesce(
              eb
                .case()
                .when('photos.challenge_id', 'is not', null)
                .then(eb.ref('challenges.organisation_id'))
                .end(),
              'solutions.organisation_id',
              'pledges.organisation_id',
            ),
          ),
        ),
      )
      .select(['author.role', 'org.kind', 'org.verified_at'])
      .where('photos.id', '=', subjectId)
      .executeTakeFirst()
    if (!row) return false
    return isProtectedFromFlags({
      authorRole: row.role,
      organisationKind: row.kind,
      organisationVerifiedAt: row.verified_at,
    })
  }
  const table = POST_TABLE[subjectType]
  const row = await executor
    .selectFrom(`${table} as p` as 'solutions as p')
    .leftJoin('users as author', 'author.id', 'p.author_id')
    .select(['author.role'])
    .$if(subjectType !== 'comment', (qb) =>
      qb
        .leftJoin('organisations as org', 'org.id', 'p.organisation_id')
        .select(['org.kind', 'org.verified_at']),
    )
    .where('p.id', '=', subjectId)
    .executeTakeFirst()
  if (!row) return false
  const { role, kind, verified_at } = row as {
    role: string | null
    kind?: string | null
    verified_at?: string | null
  }
  return isProtectedFromFlags({
    authorRole: role,
    organisationKind: kind,
    organisationVerifiedAt: verified_at,
  })
}

export type FlagOutcome = 'hidden' | 'escalated' | 'none'

/**
 * After a flag: when the open flags weigh at least `threshold` (the admin setting) from at least
 * FLAG_TRUST.minNetworks networks, the post is hidden until a moderator decides (hidden_reason
 * 'auto_flags', flags left open, so it heads the queue's flagged tab and the count at the top of
 * /moderation), and its author is told and may appeal. A protected post is not hidden: its
 * open flags are marked escalated instead, which puts it at the head of the same tab.
 */
export async function autoHideIfFlagged(input: {
  subjectType: FlagSubject
  subjectId: number
  threshold: number
  siteUrl: string
  now?: Date
}): Promise<FlagOutcome> {
  const now = input.now ?? new Date()
  return transaction(async (trx) => {
    // Flags reaching the threshold together: the first hides, the others find it hidden.
    await lockPost(trx, input.subjectType, input.subjectId)
    const post = await findPost(trx, input.subjectType, input.subjectId)
    if (!post || post.hidden_at) return 'none'
    const weight = await weighFlags(trx, input.subjectType, input.subjectId, now)
    if (weight.score < input.threshold || weight.networks < FLAG_TRUST.minNetworks) return 'none'
    const at = now.toISOString()
    if (await isProtectedPost(trx, input.subjectType, input.subjectId)) {
      const before = await trx
        .selectFrom('flags')
        .select('id')
        .where('subject_type', '=', input.subjectType)
        .where('subject_id', '=', input.subjectId)
        .where('resolved_at', 'is', null)
        .where('escalated_at', 'is not', null)
        .executeTakeFirst()
      await trx
        .updateTable('flags')
        .set({ escalated_at: at })
        .where('subject_type', '=', input.subjectType)
        .where('subject_id', '=', input.subjectId)
        .where('resolved_at', 'is', null)
        .where('escalated_at', 'is', null)
        .execute()
      // Said once per round of flags, not once per flag after the line was crossed.
      if (!before) {
        await recordAudit(trx, {
          actorId: null,
          action: `${input.subjectType}.auto_hide_withheld`,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          after: { hidden: false, flags: weight.flags, weight: weight.score },
          reason: 'auto_flags',
        })
      }
      return 'escalated'
    }
    // Auto-hidden posts keep their flags open: a moderator still has to decide.
    await setPostHidden(trx, input, { hidden_at: at, hidden_reason: 'auto_flags' })
    await recordAudit(trx, {
      actorId: null,
      action: `${input.subjectType}.auto_hide`,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      after: { hidden: true, flags: weight.flags, weight: weight.score },
      reason: 'auto_flags',
    })
    // As for a moderator's hide: out of search, and the author learns why and may appeal.
    if (input.subjectType === 'solution') await indexChallenge(trx, post.challenge_id)
    await tellAuthor(
      trx,
      post.author_id,
      {
        name: hiddenMail(input.subjectType),
        reason: 'auto_flags',
        challengeId: post.challenge_id,
        title: post.title,
      },
      input.siteUrl,
    )
    return 'hidden'
  })
}

/**
 * A flag's network is needed only while the flag is open: the hourly housekeeping clears it
 * once a moderator (or the deletion of the post's account) has resolved the flag.
 */
export async function forgetResolvedFlagNetworks(): Promise<number> {
  const result = await db
    .updateTable('flags')
    .set({ network: null })
    .where('resolved_at', 'is not', null)
    .where('network', 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Closes every open flag on a challenge and its posts without hiding anything. */
export async function dismissFlags(
  actor: Actor,
  input: { challengeId: number; ip?: string | null },
  executor?: Executor,
) {
  const run = async (trx: Executor) => {
    const exists = await trx
      .selectFrom('challenges')
      .select('id')
      .where('id', '=', input.challengeId)
      .executeTakeFirst()
    if (!exists) return false
    const result = await trx
      .updateTable('flags')
      .set({
        resolved_at: new Date().toISOString(),
        resolved_by: actor.id,
        resolution: 'dismissed',
      })
      .where('challenge_id', '=', input.challengeId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst()
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'flags.dismiss',
      subjectType: 'challenge',
      subjectId: input.challengeId,
      after: { dismissed: Number(result.numUpdatedRows) },
      ip: input.ip,
    })
    return true
  }
  return executor ? run(executor) : transaction(run)
}
