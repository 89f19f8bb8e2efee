import { json, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { db } from '../db.server'

export const meta: MetaFunction = () => [{ title: 'Floor' }]

/** The board's first page, newest first: 20 cards, as the app's board reads them. */
export async function loader() {
  const cards = await db
    .selectFrom('challenges')
    .innerJoin('categories', 'categories.id', 'challenges.category_id')
    .innerJoin('areas', 'areas.id', 'challenges.area_id')
    .select([
      'challenges.id',
      'challenges.title',
      'challenges.summary',
      'challenges.status',
      'challenges.vote_count',
      'challenges.solution_count',
      'challenges.comment_count',
      'challenges.created_at',
      'categories.name_sv as category',
      'areas.name_sv as area',
    ])
    .where('challenges.hidden_at', 'is', null)
    .where('challenges.merged_into_id', 'is', null)
    .orderBy('challenges.created_at', 'desc')
    .orderBy('challenges.id', 'desc')
    .limit(20)
    .execute()
  return json({ cards })
}

export default function Index() {
  const { cards } = useLoaderData<typeof loader>()
  return (
    <main>
      <h1>Utmaningar</h1>
      <ol>
        {cards.map((c) => (
          <li key={c.id}>
            <article>
              <h2>
                <a href={`/challenges/${c.id}`}>{c.title}</a>
              </h2>
              {c.summary ? <p>{c.summary}</p> : null}
              <p>
                {c.category} · {c.area} · {c.status} ·{' '}
                <time dateTime={c.created_at}>{c.created_at.slice(0, 10)}</time>
              </p>
              <p>
                {c.vote_count} röster · {c.solution_count} lösningar · {c.comment_count} kommentarer
              </p>
            </article>
          </li>
        ))}
      </ol>
    </main>
  )
}
