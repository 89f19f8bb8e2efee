import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { EditReviewNotice } from '~/components/challenge/HeldNotice'
import { useTranslation } from '~/i18n-react'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { SolutionSchema } from '~/forms/challenge'
import { getSettings } from '~/models/settings.server'
import { editSolution, getPendingSolutionRevision, getSolution } from '~/models/solution.server'
import { getRequestT } from '~/services/i18n.server'
import { titleMeta } from '~/utils/meta'
import { requireEditable } from '~/loaders/editable.server'
import { editsNeedReview, mayEditSolution, mayPublishWithoutReview } from '~/utils/policy'

export const meta = titleMeta

async function editable(request: Request, rawId: string | undefined) {
  const { user, post: solution } = await requireEditable(
    request,
    rawId,
    getSolution,
    mayEditSolution,
  )
  // Pre-moderation: an edit of a published proposal (neither held nor hidden) by anyone but
  // staff waits for a moderator; a held one is still being reviewed and is edited in place.
  const published = solution.held_at === null && solution.hidden_at === null
  const review = published && editsNeedReview(user, await getSettings())
  return { user, solution, review }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, solution, review } = await editable(request, params.id)
  const [{ t }, pending] = await Promise.all([
    getRequestT(request),
    getPendingSolutionRevision(solution.id),
  ])
  // Whoever's edits are reviewed goes on from the edit that waits; staff edit the public text.
  const draft = pending && !mayPublishWithoutReview(user) ? pending.body_md : null
  return json({
    title: t('edit.solutionTitle'),
    solution: {
      id: solution.id,
      challengeId: solution.challenge_id,
      body: draft ?? solution.body_md,
    },
    review,
    pendingSince: pending?.created_at ?? null,
    /** The form shows the edit that waits (the author's side), not the public text. */
    draft: draft !== null,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, solution, review } = await editable(request, params.id)
  const submission = parseWithZod(await request.formData(), { schema: SolutionSchema })
  if (submission.status !== 'success')
    return json({ intent: 'solution', result: submission.reply() }, { status: 400 })
  await editSolution({
    solutionId: solution.id,
    editorId: user.id,
    body: submission.value.body,
    review,
    // The form started from the edit that waits, so this one replaces it.
    replacesPending: !mayPublishWithoutReview(user),
  })
  return redirect(`/challenges/${solution.challenge_id}#solution-${solution.id}`)
}

export default function EditSolution() {
  const { t } = useTranslation()
  const { solution, review, pendingSince, draft } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <div className="narrow wide">
      <h1>{t('edit.solutionTitle')}</h1>
      <p>
        <Link to={`/challenges/${solution.challengeId}#solution-${solution.id}`}>
          {t('edit.back')}
        </Link>
      </p>
      <EditReviewNotice pendingSince={pendingSince} ownDraft={Boolean(draft)} review={review} />
      <MarkdownForm
        id="edit-solution"
        intent="save"
        schema={SolutionSchema}
        lastResult={data?.result}
        field="body"
        label={t('challenge.solutionLabel')}
        hint={t('challenge.markdownHint')}
        submit={t('edit.save')}
        rows={10}
        defaultValue={solution.body}
      />
    </div>
  )
}
