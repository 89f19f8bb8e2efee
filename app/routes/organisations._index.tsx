import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PrevNext } from '~/components/PrevNext'
import { FilterForm } from '~/components/FilterForm'
import { PlainSelect } from '~/components/PlainSelect'
import { useTranslation } from '~/i18n-react'
import { DIRECTORY_QUERY_MAX, ORGANISATION_KINDS, parseDirectoryQuery } from '~/forms/organisation'
import { listOrganisations } from '~/models/organisation-profile.server'
import { getRequestT } from '~/services/i18n.server'
import { formatNumber } from '~/utils/format'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta({ query: ['q', 'kind', 'page'] })

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseDirectoryQuery(new URL(request.url))
  if (!parsed.success) throw json({ error: 'bad query' }, { status: 400 })
  const { t } = await getRequestT(request)
  const directory = await listOrganisations({
    kind: parsed.data.kind,
    q: parsed.data.q,
    page: parsed.data.page ?? 1,
  })
  return json({
    title: t('organisations.title'),
    description: t('organisations.lead'),
    params: parsed.data,
    ...directory,
  })
}

function pageLink(params: { q?: string; kind?: string }, page: number) {
  const search = new URLSearchParams()
  if (params.q) search.set('q', params.q)
  if (params.kind) search.set('kind', params.kind)
  if (page > 1) search.set('page', String(page))
  const query = search.toString()
  return query ? `/organisations?${query}` : '/organisations'
}

export default function OrganisationDirectory() {
  const { t, i18n } = useTranslation()
  const { params, items, page, hasNext } = useLoaderData<typeof loader>()
  const locale = i18n.language
  return (
    <>
      <div className="page-head">
        <h1>{t('organisations.title')}</h1>
      </div>
      <p className="lead">{t('organisations.lead')}</p>
      <FilterForm
        label={t('organisations.filters')}
        search={{
          label: t('organisations.search'),
          defaultValue: params.q,
          maxLength: DIRECTORY_QUERY_MAX,
        }}
        apply={t('organisations.apply')}
      >
        <PlainSelect
          id="kind"
          label={t('organisations.kind')}
          defaultValue={params.kind}
          empty={t('organisations.anyKind')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      </FilterForm>
      <section aria-labelledby="organisations-results">
        <h2 id="organisations-results" className="visually-hidden">
          {t('organisations.results')}
        </h2>
        {items.length === 0 ? (
          <p>{t('organisations.empty')}</p>
        ) : (
          <ol className="cards">
            {items.map((o) => (
              <li key={o.id}>
                <article className="card" aria-labelledby={`organisation-${o.id}`}>
                  <h3 id={`organisation-${o.id}`}>
                    <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
                  </h3>
                  <p className="meta">
                    {t(`kinds.${o.kind}`)}
                    {o.verified && <> · {t('organisation.verified')}</>}
                  </p>
                  <ul className="counts" aria-label={t('organisations.counts')}>
                    <li>
                      {t('organisations.challengeCount', {
                        count: o.challengeCount,
                        formatted: formatNumber(o.challengeCount, locale),
                      })}
                    </li>
                    <li>
                      {t('organisations.solvedCount', {
                        count: o.solvedCount,
                        formatted: formatNumber(o.solvedCount, locale),
                      })}
                    </li>
                  </ul>
                </article>
              </li>
            ))}
          </ol>
        )}
      </section>
      <PrevNext page={page} hasNext={hasNext} href={(n) => pageLink(params, n)} />
    </>
  )
}
