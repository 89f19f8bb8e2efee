import { sql } from 'kysely'
import { db, transaction } from '~/db.server'
import type { AdminActor } from '~/models/admin-constants'
import { setArchived } from '~/models/archive.server'
import { recordAudit } from '~/models/audit.server'

// Reply templates: moderators' ready-made public messages, kept by admins.
// Every write here is one transaction with its audit row: the change and the record of it
// land together or not at all. A write that would change nothing writes nothing.

export async function listReplyTemplatesForAdmin() {
  return db
    .selectFrom('reply_templates')
    .select(['id', 'name', 'body_sv', 'body_en', 'archived_at', 'created_at'])
    .orderBy(sql`archived_at is not null`)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute()
}

interface TemplateInput {
  name: string
  bodySv: string
  bodyEn: string
}

export async function addReplyTemplate(input: TemplateInput, actor: AdminActor) {
  return transaction(async (trx) => {
    const values = { name: input.name, body_sv: input.bodySv, body_en: input.bodyEn }
    const { id } = await trx
      .insertInto('reply_templates')
      .values({ ...values, archived_at: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.template.add',
      subjectType: 'reply_template',
      subjectId: id,
      after: values,
      ip: actor.ip,
    })
    return id
  })
}

/** False when there is no such template. */
export async function updateReplyTemplate(id: number, input: TemplateInput, actor: AdminActor) {
  return transaction(async (trx) => {
    const before = await trx
      .selectFrom('reply_templates')
      .select(['name', 'body_sv', 'body_en'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!before) return false
    const after = { name: input.name, body_sv: input.bodySv, body_en: input.bodyEn }
    if (
      before.name === after.name &&
      before.body_sv === after.body_sv &&
      before.body_en === after.body_en
    ) {
      return true
    }
    await trx.updateTable('reply_templates').set(after).where('id', '=', id).execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.template.edit',
      subjectType: 'reply_template',
      subjectId: id,
      before,
      after,
      ip: actor.ip,
    })
    return true
  })
}

/** Archived templates are no longer offered to moderators. False when there is no such template. */
export async function setReplyTemplateArchived(id: number, archived: boolean, actor: AdminActor) {
  return setArchived(
    {
      table: 'reply_templates',
      id,
      archived,
      auditAction: 'admin.template',
      subjectType: 'reply_template',
    },
    actor,
  )
}
