import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { EditReviewNotice } from '~/components/challenge/HeldNotice'
import { useTranslation } from '~/i18n-react'
import { FormErrors, useSchemaForm } from '~/components/forms'
import { ChallengeTextFields } from '~/components/challenge/ChallengeTextFields'
import { ChallengeSchema } from '~/forms/challenge'
import { isPublicStatus } from '~/models/challenge-constants'
import {
  getChallenge,
  getPendingRevision,
  listRevisions,
  updateChallenge,
  withdrawChallenge,
} from '~/models/challenge.server'
import { getSettings } from '~/models/settings.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { formatDateTime } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { requireEditable } from '~/loaders/editable.server'
import {
  editsNeedReview,
  mayEditChallenge,
  mayPublishWithoutReview,
  mayWithdrawChallenge,
} from '~/utils/policy'

export const meta = titleMeta

/**
 * The challenge, if this user may edit it; 404 for unknown ids, 403 for other people's posts
 * and for a challenge its author withdrew before it was published (it is over; only
 * moderators still change it).
 */
async function editable(request: Request, rawId: string | undefined) {
  const {
    user,
    actor,
    post: challenge,
  } = await requireEditable(request, rawId, getChallenge, mayEditChallenge)
  const settings = await getSettings()
  // Pre-moderation: an edit of a published challenge by anyone but staff waits for a moderator.
  const review = editsNeedReview(user, settings) && isPublicStatus(challenge.status)
  return { user: actor, challenge, review }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, challenge, review } = await editable(request, params.id)
  const [{ t }, categories, areas, revisions, pending] = await Promise.all([
    getRequestT(request),
    listCategories(),
    listAreas(),
    listRevisions(challenge.id),
    getPendingRevision(challenge.id),
  ])
  const withdraw = mayWithdrawChallenge(user, challenge)
  // Whoever's edits are reviewed goes on from the edit that waits; staff edit the public text.
  const draft = pending && !mayPublishWithoutReview(user) ? pending : null
  return json({
    title: t('edit.title'),
    challenge: {
      id: challenge.id,
      title: draft?.title ?? challenge.title,
      description: draft?.description_md ?? challenge.description_md,
      categoryId: draft?.category_id ?? challenge.category_id,
      areaId: draft?.area_id ?? challenge.area_id,
      status: challenge.status,
    },
    review,
    pendingSince: pending?.created_at ?? null,
    /** The form shows the edit that waits (the author's side), not the public text. */
    draft: draft !== null,
    can: { withdraw },
    /** What withdrawing does here: close a public challenge, or set aside an unpublished one. */
    withdrawal: isPublicStatus(challenge.status) ? ('close' as const) : ('unpublished' as const),
    categories,
    areas,
    revisions,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, challenge, review } = await editable(request, params.id)
  const form = await request.formData()
  if (form.get('intent') === 'withdraw') {
    // Solved, closed and already withdrawn challenges cannot be withdrawn.
    if (!mayWithdrawChallenge(user, challenge)) throw json({}, { status: 403 })
    const result = await withdrawChallenge(challenge.id, user.id, context.ip ?? null)
    if (result === 'refused') throw json({}, { status: 403 })
    return redirect(`/challenges/${challenge.id}`)
  }
  const submission = parseWithZod(form, { schema: ChallengeSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const [categories, areas] = await Promise.all([listCategories(), listAreas()])
  const fieldErrors: Record<string, string[]> = {}
  if (!categories.some((c) => c.id === submission.value.categoryId))
    fieldErrors.categoryId = ['errors.choose']
  if (!areas.some((a) => a.id === submission.value.areaId)) fieldErrors.areaId = ['errors.choose']
  if (Object.keys(fieldErrors).length)
    return json(submission.reply({ fieldErrors }), { status: 400 })
  await updateChallenge(challenge.id, {
    editorId: user.id,
    title: submission.value.title,
    description: submission.value.description,
    categoryId: submission.value.categoryId,
    areaId: submission.value.areaId,
    review,
    // The form started from the edit that waits, so this one replaces it.
    replacesPending: !mayPublishWithoutReview(user),
  })
  return redirect(`/challenges/${challenge.id}`)
}

export default function EditChallenge() {
  const { t, i18n } = useTranslation()
  const { challenge, categories, areas, revisions, review, pendingSince, draft, can, withdrawal } =
    useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'edit-challenge',
    schema: ChallengeSchema,
    lastResult,
    defaultValue: {
      title: challenge.title,
      description: challenge.description,
      categoryId: String(challenge.categoryId),
      areaId: String(challenge.areaId),
    },
  })
  return (
    <div className="narrow wide">
      <h1>{t('edit.title')}</h1>
      <p>
        <Link to={`/challenges/${challenge.id}`}>{t('edit.back')}</Link>
      </p>
      <EditReviewNotice pendingSince={pendingSince} ownDraft={Boolean(draft)} review={review} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="save" />
        <ChallengeTextFields fields={fields} categories={categories} areas={areas} isNew={false} />
        <button type="submit" className="button">
          {t('edit.save')}
        </button>
      </Form>
      {can.withdraw ? (
        <Form method="post" className="danger-zone">
          <h2>{t('edit.withdrawHeading')}</h2>
          {/* What withdrawing means for this challenge, decided by its status. */}
          <p id="withdraw-hint">
            {t(
              withdrawal === 'close'
                ? 'edit.withdrawHint'
                : `edit.withdrawUnpublished.${challenge.status}`,
            )}
          </p>
          <button
            type="submit"
            name="intent"
            value="withdraw"
            className="button secondary"
            aria-describedby="withdraw-hint"
          >
            {t('edit.withdraw')}
          </button>
        </Form>
      ) : (
        <section className="danger-zone" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t('edit.withdrawHeading')}</h2>
          <p>{t('edit.withdrawNot')}</p>
        </section>
      )}
      <section aria-labelledby="revisions">
        <h2 id="revisions">{t('edit.revisions')}</h2>
        <ol>
          {revisions.map((r) => (
            <li key={r.id}>
              <time dateTime={r.created_at}>{formatDateTime(r.created_at, i18n.language)}</time> –{' '}
              {r.title}
              {r.editor_name && <> ({r.editor_name})</>}
              {r.review && <> · {t(`edit.review.${r.review}`)}</>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
