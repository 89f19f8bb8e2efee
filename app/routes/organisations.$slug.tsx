import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FormErrors, TextField, useSchemaForm, TextAreaField } from '~/components/forms'
import { StatusBadge } from '~/components/StatusBadge'
import {
  isSlug,
  isWebsiteUrl,
  JoinRequestSchema,
  ORGANISATION_DESCRIPTION_MAX,
  OrganisationProfileSchema,
} from '~/forms/organisation'
import {
  approveJoinRequest,
  declineJoinRequest,
  getOrganisationIdBySlug,
  getOrganisationProfile,
  updateOrganisationProfile,
} from '~/models/organisation-profile.server'
import { allows, loadActor } from '~/models/policy.server'
import { getSettings } from '~/models/settings.server'
import { getRequestT } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import { getUser, requireUser } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { publicMeta } from '~/utils/meta'
import { mayManageOrganisation } from '~/utils/policy'
import { forbidden, notFound } from '~/utils/responses.server'

export const meta = publicMeta({
  path: (data) => {
    const slug = (data as { organisation?: { slug: string } } | undefined)?.organisation?.slug
    return slug ? `/organisations/${slug}` : undefined
  },
})

const NOTICES = ['saved', 'approved', 'declined'] as const
type Notice = (typeof NOTICES)[number]

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isSlug(params.slug)) throw notFound()
  const user = await getUser(request)
  const actor = user ? await loadActor(user) : null
  const [found, { t }, settings] = await Promise.all([
    getOrganisationProfile(params.slug, (id) => actor !== null && mayManageOrganisation(actor, id)),
    getRequestT(request),
    getSettings(),
  ])
  if (!found) throw notFound()
  const { manageable, ...profile } = found
  const notice = new URL(request.url).searchParams.get('notice')
  return json({
    title: t('organisation.title', {
      name: profile.organisation.name,
      kind: t(`kinds.${profile.organisation.kind}`),
    }),
    description:
      profile.organisation.description ||
      t('meta.organisation', { name: profile.organisation.name, board: settings.boardName }),
    ...profile,
    /** Edit the profile, answer join requests: its owners (the policy's mayManageOrganisation). */
    can: { manage: manageable },
    notice: NOTICES.includes(notice as Notice) ? (notice as Notice) : null,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const slug = params.slug
  const organisationId = isSlug(slug) ? await getOrganisationIdBySlug(slug) : null
  if (!slug || !organisationId) throw notFound()
  if (!(await allows(user, mayManageOrganisation, organisationId))) {
    log.warn('access_denied', {
      action: 'organisation.manage',
      userId: user.id,
      organisationId,
      ip: context.ip,
    })
    throw forbidden()
  }
  const formData = await request.formData()
  const intent = formData.get('intent')
  const actor = { actorId: user.id, ip: context.ip }

  if (intent === 'profile') {
    const submission = parseWithZod(formData, { schema: OrganisationProfileSchema })
    if (submission.status !== 'success') {
      return json({ intent: 'profile' as const, result: submission.reply() }, { status: 400 })
    }
    await updateOrganisationProfile(
      organisationId,
      {
        description: submission.value.description ?? '',
        website: submission.value.website || null,
      },
      actor,
    )
    return redirect(`/organisations/${slug}?notice=saved`)
  }

  if (intent === 'approve' || intent === 'decline') {
    const submission = parseWithZod(formData, { schema: JoinRequestSchema })
    if (submission.status !== 'success') throw json({ error: 'bad request' }, { status: 400 })
    const request = { organisationId, userId: submission.value.userId, ...actor }
    const done =
      intent === 'approve' ? await approveJoinRequest(request) : await declineJoinRequest(request)
    // Already answered (by another owner, or a form sent twice) or never asked.
    if (!done) throw notFound()
    return redirect(
      `/organisations/${slug}?notice=${intent === 'approve' ? 'approved' : 'declined'}`,
    )
  }

  throw json({ error: 'unknown intent' }, { status: 400 })
}

/** Plain text as paragraphs: blank lines separate them, single newlines break lines. */
function PlainText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((paragraph, i) => (
          <p key={i}>
            {paragraph.split('\n').map((line, j) => (
              <span key={j}>
                {j > 0 && <br />}
                {line}
              </span>
            ))}
          </p>
        ))}
    </>
  )
}

function ChallengeLink({ id, title }: { id: number; title: string }) {
  return <Link to={`/challenges/${id}`}>{title}</Link>
}

export default function OrganisationProfile() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { organisation, members, challenges, pledges, solutions, solved, joinRequests } = data
  const area = locale === 'en' ? organisation.area_en : organisation.area_sv
  const [form, fields] = useSchemaForm({
    id: 'organisation-profile',
    schema: OrganisationProfileSchema,
    lastResult: actionData?.intent === 'profile' ? actionData.result : null,
    defaultValue: {
      description: organisation.description,
      website: organisation.website ?? '',
    },
  })

  return (
    <article className="organisation" aria-labelledby="organisation-name">
      <div className="page-head">
        <h1 id="organisation-name">{organisation.name}</h1>
      </div>
      {data.notice && (
        <p className="notice" role="status">
          {t(`organisation.notice.${data.notice}`)}
        </p>
      )}
      <dl className="facts">
        <dt>{t('organisation.kind')}</dt>
        <dd>
          {t(`kinds.${organisation.kind}`)}
          {organisation.verified && <> ({t('organisation.verified')})</>}
        </dd>
        {area && (
          <>
            <dt>{t('organisation.area')}</dt>
            <dd>{area}</dd>
          </>
        )}
        {organisation.website && isWebsiteUrl(organisation.website) && (
          <>
            <dt>{t('organisation.website')}</dt>
            <dd>
              <a href={organisation.website} rel="nofollow ugc noopener noreferrer">
                {organisation.website}
              </a>
            </dd>
          </>
        )}
        <dt>{t('organisation.since')}</dt>
        <dd>
          <time dateTime={organisation.created_at}>
            {formatDate(organisation.created_at, locale)}
          </time>
        </dd>
      </dl>
      {organisation.description && (
        <section aria-labelledby="about-organisation" className="prose">
          <h2 id="about-organisation">{t('organisation.about')}</h2>
          <PlainText text={organisation.description} />
        </section>
      )}

      <section aria-labelledby="solved-heading">
        <h2 id="solved-heading">{t('organisation.solvedHeading')}</h2>
        {solved.length === 0 ? (
          <p>{t('organisation.noneSolved')}</p>
        ) : (
          <ul className="solved">
            {solved.map((c) => (
              <li key={c.id}>
                <ChallengeLink id={c.id} title={c.title} /> <StatusBadge status={c.status} />
                {c.solved_at && (
                  <>
                    {' '}
                    <time dateTime={c.solved_at}>{formatDate(c.solved_at, locale, 'short')}</time>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="posted-heading">
        <h2 id="posted-heading">{t('organisation.postedHeading')}</h2>
        {challenges.length === 0 ? (
          <p>{t('organisation.nonePosted')}</p>
        ) : (
          <ul className="posted">
            {challenges.map((c) => (
              <li key={c.id}>
                <ChallengeLink id={c.id} title={c.title} /> <StatusBadge status={c.status} />{' '}
                <time dateTime={c.created_at}>{formatDate(c.created_at, locale, 'short')}</time>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="solutions-heading">
        <h2 id="solutions-heading">{t('organisation.solutionsHeading')}</h2>
        {solutions.length === 0 ? (
          <p>{t('organisation.noSolutions')}</p>
        ) : (
          <ul className="solutions">
            {solutions.map((s) => (
              <li key={s.id}>
                <ChallengeLink id={s.challenge_id} title={s.challenge_title} />
                {s.accepted && <> – {t('organisation.accepted')}</>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pledges-heading">
        <h2 id="pledges-heading">{t('organisation.pledgesHeading')}</h2>
        {pledges.length === 0 ? (
          <p>{t('organisation.noPledges')}</p>
        ) : (
          <ul className="pledges">
            {pledges.map((p) => (
              <li key={p.id}>
                <ChallengeLink id={p.challenge_id} title={p.challenge_title} />{' '}
                <StatusBadge status={p.challenge_status} /> –{' '}
                {t(`organisation.pledgeStatus.${p.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('organisation.membersHeading')}</h2>
        {members.length === 0 ? (
          <p>{t('organisation.noMembers')}</p>
        ) : (
          <ul className="members">
            {members.map((m, i) => (
              <li key={i}>
                {m.name} – {t(`organisation.role.${m.role}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.can.manage && (
        <>
          <section aria-labelledby="join-requests-heading">
            <h2 id="join-requests-heading">{t('organisation.joinRequestsHeading')}</h2>
            {joinRequests.length === 0 ? (
              <p>{t('organisation.noJoinRequests')}</p>
            ) : (
              <ul className="join-requests">
                {joinRequests.map((r) => (
                  <li key={r.user_id}>
                    <Form method="post" className="join-request">
                      <span id={`join-${r.user_id}`}>
                        {t('organisation.joinRequest', {
                          name: r.name,
                          date: formatDate(r.created_at, locale, 'short'),
                        })}
                      </span>{' '}
                      <input type="hidden" name="userId" value={r.user_id} />
                      <button
                        type="submit"
                        name="intent"
                        value="approve"
                        className="button"
                        aria-describedby={`join-${r.user_id}`}
                      >
                        {t('organisation.approve')}
                      </button>{' '}
                      <button
                        type="submit"
                        name="intent"
                        value="decline"
                        className="button secondary"
                        aria-describedby={`join-${r.user_id}`}
                      >
                        {t('organisation.decline')}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t('organisation.editHeading')}</h2>
            <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
              <FormErrors form={form} />
              <input type="hidden" name="intent" value="profile" />
              <TextAreaField
                field={fields.description}
                label={t('organisation.description')}
                hint={t('organisation.descriptionHint', { max: ORGANISATION_DESCRIPTION_MAX })}
                maxLength={ORGANISATION_DESCRIPTION_MAX}
                rows={8}
              />
              <TextField
                field={fields.website}
                label={t('organisation.website')}
                inputMode="url"
                hint={t('organisation.websiteHint')}
                autoComplete="url"
              />
              <button type="submit" className="button">
                {t('organisation.save')}
              </button>
            </Form>
          </section>
        </>
      )}
    </article>
  )
}
