import { Link, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from '~/i18n-react'
import { StatusBadge } from '~/components/StatusBadge'
import { useHydrated } from '~/utils/use-hydrated'

export interface SimilarChallenge {
  id: number
  title: string
  status: string
  vote_count: number
  /** Posted by the one asking. */
  own: boolean
  voted: boolean
  following: boolean
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

export function SimilarChallenges({
  challenges,
  formId,
}: {
  challenges: SimilarChallenge[]
  /** The draft's form: without JavaScript, voting submits the draft along so it is kept. */
  formId: string
}) {
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
                <SimilarActions challenge={c} formId={formId} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

const VOTABLE = ['open', 'in_progress', 'solved']

/**
 * Vote for or follow a similar challenge without leaving the draft: with JavaScript a fetcher
 * posts to /challenges/new, which answers without redirecting; without it the button submits the
 * draft's own form (the `form` attribute), and the page comes back with the draft filled in.
 * One's own challenge offers neither (one cannot vote for it, and its author already follows it).
 */
function SimilarActions({ challenge, formId }: { challenge: SimilarChallenge; formId: string }) {
  const { t } = useTranslation()
  const fetcher = useFetcher()
  const hydrated = useHydrated()
  if (challenge.own) return null
  const sent = fetcher.formData?.get('similar')
  const voted = challenge.voted || sent === `vote:${challenge.id}`
  const following = challenge.following || sent === `follow:${challenge.id}`
  const button = (what: 'vote' | 'follow', label: string, text: string) => (
    <button
      type="submit"
      name="similar"
      value={`${what}:${challenge.id}`}
      className="link-button"
      aria-label={label}
      form={hydrated ? undefined : formId}
    >
      {text}
    </button>
  )
  const actions = (
    <>
      {VOTABLE.includes(challenge.status) &&
        (voted ? (
          <span>{t('challenge.voted')}</span>
        ) : (
          button('vote', t('post.voteFor', { title: challenge.title }), t('challenge.vote'))
        ))}
      {following ? (
        <span>{t('challenge.following')}</span>
      ) : (
        button('follow', t('post.followOne', { title: challenge.title }), t('challenge.follow'))
      )}
    </>
  )
  return hydrated ? (
    <fetcher.Form method="post" action="/challenges/new" className="inline-actions">
      {actions}
    </fetcher.Form>
  ) : (
    <div className="inline-actions">{actions}</div>
  )
}
