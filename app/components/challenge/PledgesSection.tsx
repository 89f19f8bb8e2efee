import { HeldNotice } from '~/components/challenge/HeldNotice'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { PostedNotice } from '~/components/challenge/PostedNotice'
import {
  NewPostForm,
  photoControls,
  PostAuthor,
  PostButton,
} from '~/components/challenge/PostParts'
import { PledgeDoneForm } from '~/components/challenge/SolveForm'
import { PledgeSchema, ProgressSchema } from '~/forms/challenge'
import { useTranslation } from '~/i18n-react'
import { formatDate, formatDateTime } from '~/utils/format'
import { photosFor, resultFor } from '~/utils/intent-reply'
import { PhotoGallery } from '~/components/Photos'
import type { Appeals } from '~/components/challenge/types'
import type { ChallengeData, PageState } from './types'

/** Who took the challenge on, their progress updates, and the form to take it on. */
export function PledgesSection(props: {
  page: PageState
  pledges: ChallengeData['pledges']
  me: ChallengeData['me']
  appeals: Appeals
  actionData: unknown
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { page, pledges, me } = props
  return (
    <section aria-labelledby="pledges">
      <h2 id="pledges">{t('challenge.pledgesHeading', { count: pledges.length })}</h2>
      {pledges.length === 0 && <p>{t('challenge.noPledges')}</p>}
      <ul className="plain">
        {pledges.map((p) => {
          const mine =
            me && (p.user_id === me.id || me.organisations.some((o) => o.id === p.organisation_id))
          return (
            <li key={p.id} id={`pledge-${p.id}`} className="pledge">
              <p>
                <strong>
                  <PostAuthor
                    name={p.user_name}
                    organisation={{ slug: p.organisation_slug, name: p.organisation_name }}
                  />
                </strong>{' '}
                {t('challenge.tookItOn', { date: formatDate(p.created_at, locale) })}
                {p.status === 'completed' && <> · {t('challenge.pledgeCompleted')}</>}
              </p>
              <PostedNotice kind="pledge" id={p.id} />
              {p.held_at && <HeldNotice kind="pledge" reviewed={me?.reviewed} />}
              <PostedNotice kind="progress" id={p.id} />
              {/* Sanitised when it was written (renderMarkdown), like progress updates. */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: p.plan_html }} />
              {p.updates.length > 0 && (
                <ol className="updates" aria-label={t('challenge.progress')}>
                  {p.updates.map((u) => (
                    <li key={u.id}>
                      <time dateTime={u.created_at}>{formatDateTime(u.created_at, locale)}</time>
                      <div className="prose" dangerouslySetInnerHTML={{ __html: u.body_html }} />
                      <PhotoGallery
                        photos={u.photos}
                        label={t('photos.heading')}
                        controls={photoControls(page, props.appeals, props.actionData)}
                      />
                    </li>
                  ))}
                </ol>
              )}
              {mine && p.status === 'active' && !p.held_at && page.active && (
                <PledgeDoneForm action={page.action} pledgeId={p.id} />
              )}
              {mine && page.active && p.status === 'active' && (
                <details>
                  <summary>
                    {t(p.held_at ? 'challenge.withdrawPledge' : 'challenge.reportProgress')}
                  </summary>
                  {/* Progress waits until a moderator has let a held pledge through. */}
                  {!p.held_at && (
                    <MarkdownForm
                      id={`progress-${p.id}`}
                      intent="progress"
                      schema={ProgressSchema}
                      lastResult={resultFor(props.actionData, 'progress')}
                      field="body"
                      label={t('challenge.progressLabel')}
                      submit={t('challenge.postProgress')}
                      hidden={{ pledgeId: p.id }}
                      photos={{ reply: photosFor(props.actionData, 'progress') }}
                    />
                  )}
                  <PostButton action={page.action} intent="withdraw-pledge" targetId={p.id}>
                    {t('challenge.withdrawPledge')}
                  </PostButton>
                </details>
              )}
            </li>
          )
        })}
      </ul>
      <NewPostForm
        intent="pledge"
        schema={PledgeSchema}
        page={page}
        me={me}
        actionData={props.actionData}
        summary={t('challenge.takeItOn')}
        field="plan"
        label={t('challenge.planLabel')}
        hint={t('challenge.planHint')}
        submit={t('challenge.takeItOnSubmit')}
      />
    </section>
  )
}
