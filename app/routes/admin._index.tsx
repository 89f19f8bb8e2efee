import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { AdminNav } from '~/components/AdminNav'
import { getAdminOverview } from '~/models/admin-overview.server'
import { getRequestT } from '~/services/i18n.server'
import { requireAdmin } from '~/services/session.server'
import { formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const [{ t }, counts] = await Promise.all([getRequestT(request), getAdminOverview()])
  return json({ title: t('admin.title'), counts })
}

export default function AdminOverview() {
  const { t, i18n } = useTranslation()
  const { counts } = useLoaderData<typeof loader>()
  const n = (value: number) => formatNumber(value, i18n.language)
  const sections = [
    {
      to: '/admin/taxonomy',
      name: t('admin.nav.taxonomy'),
      facts: [
        t('admin.overview.categories', {
          count: counts.categories,
          formatted: n(counts.categories),
        }),
        t('admin.overview.areas', { count: counts.areas, formatted: n(counts.areas) }),
        t('admin.overview.archived', {
          count: counts.archivedCategories + counts.archivedAreas,
          formatted: n(counts.archivedCategories + counts.archivedAreas),
        }),
      ],
    },
    {
      to: '/admin/organisations',
      name: t('admin.nav.organisations'),
      facts: [
        t('admin.overview.organisations', {
          count: counts.organisations,
          formatted: n(counts.organisations),
        }),
        t('admin.overview.unverified', {
          count: counts.unverifiedDepartments,
          formatted: n(counts.unverifiedDepartments),
        }),
      ],
    },
    {
      to: '/admin/users',
      name: t('admin.nav.users'),
      facts: [
        t('admin.overview.users', { count: counts.users, formatted: n(counts.users) }),
        t('admin.overview.staff', { count: counts.staff, formatted: n(counts.staff) }),
      ],
    },
    {
      to: '/admin/settings',
      name: t('admin.nav.settings'),
      facts: [t('admin.overview.settings')],
    },
    {
      to: '/admin/templates',
      name: t('admin.nav.templates'),
      facts: [
        t('admin.overview.templates', { count: counts.templates, formatted: n(counts.templates) }),
      ],
    },
  ]
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.title')}</h1>
      </div>
      <AdminNav />
      <p className="lead">{t('admin.overview.lead')}</p>
      <ul className="cards">
        {sections.map((s) => (
          <li key={s.to}>
            <section className="card" aria-labelledby={`section-${s.to.slice(7)}`}>
              <h2 id={`section-${s.to.slice(7)}`}>
                <Link to={s.to}>{s.name}</Link>
              </h2>
              <ul className="plain">
                {s.facts.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            </section>
          </li>
        ))}
      </ul>
    </>
  )
}
