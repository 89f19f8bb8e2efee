import type { Executor } from '~/db.server'
import { isLocale } from '~/i18n'
import { getFixedT } from '~/services/i18n.server'
import { queueMail } from '~/services/mail.server'

/**
 * Mails the author of a post a moderator hid or turned down, in their language: a hidden post
 * or photo (which they may appeal), a held pledge rejected, an edit rejected (the approved text stays).
 */
export async function tellAuthor(
  trx: Executor,
  authorId: number | null,
  template: {
    name: 'postHidden' | 'photoHidden' | 'pledgeRejected' | 'editRejected'
    reason: string
    challengeId: number
    title: string
  },
  siteUrl: string,
) {
  if (!authorId) return
  const author = await trx
    .selectFrom('users')
    .select(['email', 'name', 'locale'])
    .where('id', '=', authorId)
    .executeTakeFirst()
  if (!author) return
  const locale = isLocale(author.locale) ? author.locale : 'sv'
  const t = await getFixedT(locale)
  await queueMail(
    trx,
    author.email,
    {
      name: template.name,
      values: {
        name: author.name,
        title: template.title,
        reason: t(`hideReasons.${template.reason}`),
        url: `${siteUrl}/challenges/${template.challengeId}`,
      },
    },
    locale,
  )
}

/** The mail that tells an author their post, or their photo, was hidden. */
export const hiddenMail = (subjectType: string) =>
  subjectType === 'photo' ? ('photoHidden' as const) : ('postHidden' as const)
