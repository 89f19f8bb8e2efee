import { z } from 'zod'
import type { Executor } from '~/db.server'
import { absoluteUrl } from '~/env.server'
import { isLocale } from '~/i18n'
import { recordAudit } from '~/models/audit.server'
import {
  getOrganisationById,
  getOrganisationOwners,
  insertMembership,
  insertOrganisation,
} from '~/models/organisation.server'
import { queueMail } from '~/services/mail.server'

/**
 * What a registration asked for besides the account: a new organisation, or to join one. It is
 * kept in the registration's audit line and carried out only when the address is confirmed
 * (issue 10, item 11): until then nothing the registration made exists for anyone else, so
 * neither a directory page, a slug, an id nor an owner's mail tells whether the address was free.
 */
export type RegistrationIntent =
  { organisation: { name: string; kind: 'business' | 'association' } } | { joins: number }

const Intent = z.union([
  z.object({
    organisation: z.object({ name: z.string(), kind: z.enum(['business', 'association']) }),
  }),
  z.object({ joins: z.number().int() }),
])

/**
 * Carries out what the user's registration asked for, in the caller's transaction. The caller
 * has just confirmed the address (it was not confirmed before), so this runs once per account.
 * An organisation to join that has gone, or become a municipal department, is skipped.
 */
export async function carryOutRegistration(
  trx: Executor,
  userId: number,
  ip: string | null = null,
): Promise<void> {
  const [row, user] = await Promise.all([
    trx
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'user.register')
      .where('subject_type', '=', 'user')
      .where('subject_id', '=', userId)
      .orderBy('id', 'desc')
      .executeTakeFirst(),
    trx
      .selectFrom('users')
      .select(['id', 'name', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirst(),
  ])
  if (!row?.after || !user) return
  const parsed = Intent.safeParse(safeJson(row.after))
  if (!parsed.success) return
  const intent = parsed.data

  if ('organisation' in intent) {
    const org = await insertOrganisation(trx, {
      name: intent.organisation.name,
      kind: intent.organisation.kind,
    })
    await insertMembership(trx, { organisationId: org.id, userId, role: 'owner', status: 'active' })
    await recordAudit(trx, {
      actorId: userId,
      action: 'organisation.create',
      subjectType: 'organisation',
      subjectId: org.id,
      after: { name: intent.organisation.name, kind: intent.organisation.kind, slug: org.slug },
      ip,
    })
    return
  }

  const joining = await getOrganisationById(trx, intent.joins)
  if (!joining || joining.kind === 'municipality') return
  await insertMembership(trx, {
    organisationId: joining.id,
    userId,
    role: 'member',
    status: 'pending',
  })
  const url = absoluteUrl(`/organisations/${joining.slug}`)
  for (const owner of await getOrganisationOwners(trx, joining.id)) {
    await queueMail(
      trx,
      owner.email,
      { name: 'joinRequest', values: { name: user.name, organisation: joining.name, url } },
      isLocale(owner.locale) ? owner.locale : isLocale(user.locale) ? user.locale : 'sv',
    )
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
