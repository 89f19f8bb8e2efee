import { createContext, useContext } from 'react'
import { useTranslation } from '~/i18n-react'

/** Which new post the page confirms, from the form's redirect (`?posted=comment-12`). */
export const PostedContext = createContext<string | null>(null)

/**
 * "Your comment is saved", shown inside the post just written, which the redirect's anchor
 * scrolls to; the same with and without JavaScript.
 */
export function PostedNotice({
  kind,
  id,
}: {
  kind: 'comment' | 'reply' | 'solution' | 'pledge' | 'progress'
  id: number
}) {
  const { t } = useTranslation()
  const posted = useContext(PostedContext)
  if (posted !== `${kind === 'reply' ? 'comment' : kind}-${id}`) return null
  return (
    <p className="notice" role="status">
      {t(`challenge.posted.${kind}`)}
    </p>
  )
}
