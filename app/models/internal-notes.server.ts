import { transaction } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import type { Actor } from '~/utils/policy'

/** A moderator's note on a challenge, seen only by staff. */
export async function addInternalNote(actor: Actor, challengeId: number, body: string) {
  await transaction(async (trx) => {
    await trx
      .insertInto('internal_notes')
      .values({ challenge_id: challengeId, author_id: actor.id, body })
      .execute()
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'challenge.note',
      subjectType: 'challenge',
      subjectId: challengeId,
    })
  })
}
