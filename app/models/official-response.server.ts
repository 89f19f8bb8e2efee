import { transaction } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { notifyFollowers } from '~/models/notification.server'
import type { Actor } from '~/utils/policy'
import { renderMarkdown, summarise } from '~/services/markdown.server'
import { excerpt } from '~/utils/notification-text'

/** A moderator or a member of the routed department answers officially; the first answer is the time to first response. */
export async function postOfficialResponse(
  actor: Actor,
  input: { challengeId: number; body: string; organisationId: number | null; ip?: string | null },
) {
  const html = renderMarkdown(input.body)
  await transaction(async (trx) => {
    const now = new Date().toISOString()
    await trx
      .insertInto('official_responses')
      .values({
        challenge_id: input.challengeId,
        author_id: actor.id,
        organisation_id: input.organisationId,
        body_md: input.body,
        body_html: html,
        created_at: now,
      })
      .execute()
    await trx
      .updateTable('challenges')
      .set({ first_response_at: now })
      .where('id', '=', input.challengeId)
      .where('first_response_at', 'is', null)
      .execute()
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'challenge.official_response',
      subjectType: 'challenge',
      subjectId: input.challengeId,
      ip: input.ip,
    })
    const department = input.organisationId
      ? await trx
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', input.organisationId)
          .executeTakeFirst()
      : undefined
    await notifyFollowers(trx, {
      challengeId: input.challengeId,
      actorId: actor.id,
      kind: 'official_response',
      payload: { department: department?.name ?? null, excerpt: excerpt(summarise(html)) },
      author: true,
    })
  })
}
