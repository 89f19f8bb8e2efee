import { Form, Link, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from '~/i18n-react'
import { StatusBadge } from '~/components/StatusBadge'

export interface SimilarChallenge {
  id: number
  title: string
  status: string
  vote_count: number
}

/**
 * While the user types a title or description, asks /challenges/similar (debounced) for
 * challenges that look alike. Without JavaScript the preview step gives the same list.
 */
export function useSimilarChallenges(formId: string, fromServer: SimilarChallenge[]) {
  const fetcher = useFetcher<{ similar: SimilarChallenge[] }>()
  const load = useRef(fetcher.load)
  load.current = fetcher.load
  useEffect(() => {
    const form = document.getElementById(formId)
    if (!(form instanceof HTMLFormElement)) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const onInput = (event: Event) => {
      const name = (event.target as HTMLInputElement | null)?.name
      if (name !== 'title' && name !== 'description') return
      clearTimeout(timer)
      timer = setTimeout(() => {
        const data = new FormData(form)
        const text = `${data.get('title') ?? ''} ${data.get('description') ?? ''}`.slice(0, 1000)
        if (text.trim().length >= 8)
          load.current(`/challenges/similar?text=${encodeURIComponent(text)}`)
      }, 400)
    }
    form.addEventListener('input', onInput)
    return () => {
      form.removeEventListener('input', onInput)
      clearTimeout(timer)
    }
  }, [formId])
  return fetcher.data?.similar ?? fromServer
}

export function SimilarChallenges({ challenges }: { challenges: SimilarChallenge[] }) {
  const { t } = useTranslation()
  return (
    <div className="similar" aria-live="polite">
      <h2 id="similar-heading">{t('post.similarHeading')}</h2>
      {challenges.length === 0 ? (
        <p className="hint">{t('post.similarNone')}</p>
      ) : (
        <>
          <p className="hint">{t('post.similarIntro')}</p>
          <ul>
            {challenges.map((c) => (
              <li key={c.id}>
                <Link to={`/challenges/${c.id}`}>{c.title}</Link>{' '}
                <span className="meta">
                  <StatusBadge status={c.status} />{' '}
                  {t('board.votes', { count: c.vote_count, formatted: c.vote_count })}
                </span>
                <div className="inline-actions">
                  <Form method="post" action={`/challenges/${c.id}`}>
                    <input type="hidden" name="intent" value="vote" />
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={t('post.voteFor', { title: c.title })}
                    >
                      {t('challenge.vote')}
                    </button>
                  </Form>
                  <Form method="post" action={`/challenges/${c.id}`}>
                    <input type="hidden" name="intent" value="follow" />
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={t('post.followOne', { title: c.title })}
                    >
                      {t('challenge.follow')}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
