import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { parseId, SolutionSchema } from '~/forms/challenge'
import { canManagePost } from '~/models/permissions.server'
import { editSolution, getSolution } from '~/models/solution.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

async function editable(request: Request, rawId: string | undefined) {
  const user = await requireUser(request)
  const id = parseId(rawId)
  const solution = id ? await getSolution(id) : undefined
  if (!solution || (solution.hidden_at && user.role === 'member')) throw json({}, { status: 404 })
  if (!(await canManagePost(user, solution))) throw json({}, { status: 403 })
  return { user, solution }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { solution } = await editable(request, params.id)
  const { t } = await getRequestT(request)
  return json({
    title: t('edit.solutionTitle'),
    solution: { id: solution.id, challengeId: solution.challenge_id, body: solution.body_md },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, solution } = await editable(request, params.id)
  const submission = parseWithZod(await request.formData(), { schema: SolutionSchema })
  if (submission.status !== 'success')
    return json({ intent: 'solution', result: submission.reply() }, { status: 400 })
  await editSolution({ solutionId: solution.id, editorId: user.id, body: submission.value.body })
  return redirect(`/challenges/${solution.challenge_id}#solution-${solution.id}`)
}

export default function EditSolution() {
  const { t } = useTranslation()
  const { solution } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <div className="narrow wide">
      <h1>{t('edit.solutionTitle')}</h1>
      <p>
        <Link to={`/challenges/${solution.challengeId}#solution-${solution.id}`}>
          {t('edit.back')}
        </Link>
      </p>
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
