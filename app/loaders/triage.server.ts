import { json, type SerializeFrom } from '@remix-run/node'
import { parseId } from '~/forms/challenge'
import { getAuditNames } from '~/models/audit-names.server'
import { getTriage, listActiveTemplates } from '~/models/moderation-page.server'
import { photosForTriage } from '~/models/photo-moderation.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { notFound } from '~/utils/responses.server'

/** The challenge in the URL with everything a moderator decides on, or a 404. */
export async function loadTriage(id: string | undefined) {
  const challengeId = parseId(id)
  const triage = challengeId ? await getTriage(challengeId) : undefined
  if (!triage) throw notFound()
  return triage
}

/**
 * The triage page's data (the route's loader, after the moderator guard). Kept out of the route
 * so the page's section components can type their slices without importing a route module.
 */
export async function triagePageData(request: Request, id: string | undefined) {
  const triage = await loadTriage(id)
  const [{ t }, categories, areas, templates, photos] = await Promise.all([
    getRequestT(request),
    listCategories(),
    listAreas(),
    listActiveTemplates(),
    photosForTriage(triage.challenge.id),
  ])
  const url = new URL(request.url)
  return json({
    title: t('triage.title', { title: triage.challenge.title }),
    ...triage,
    auditNames: await getAuditNames(triage.audit),
    categories,
    areas,
    templates,
    photos,
    notice: url.searchParams.get('notice'),
  })
}

export type TriageData = SerializeFrom<typeof triagePageData>
