import type { FlagSubject } from '#db/schema'
import { db } from '~/db.server'
import type { FLAG_REASONS } from '~/models/flag-reasons'

/** Stored for the moderation queue; a second flag by the same user on the same post is ignored. */
export async function flagPost(input: {
  subjectType: FlagSubject
  subjectId: number
  challengeId: number
  userId: number
  reason: (typeof FLAG_REASONS)[number]
  note: string | null
}) {
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
    })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'user_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}
