import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FixedAnswerForm } from '~/components/challenge/FixedQuestion'
import { FIXED_ANSWERS, FixedAnswerSchema, type FixedAnswer } from '~/forms/solve'
import {
  answerFixed,
  defaultDisputeBody,
  getFixedQuestionFor,
} from '~/models/fixed-question.server'
import { isOnPublicBoard } from '~/models/challenge-constants'
import { verifyFixedToken } from '~/services/fixed-link.server'
import { getRequestT } from '~/services/i18n.server'
import { titleMeta } from '~/utils/meta'
import { notFound } from '~/utils/responses.server'

export const meta = titleMeta

async function load(token: string | undefined) {
  const signed = verifyFixedToken(token ?? '')
  const found = signed ? await getFixedQuestionFor(signed.challengeId, signed.userId) : undefined
  // A challenge no longer on the public board (hidden, or moved to pending or rejected) leads
  // nowhere, like its page.
  if (!signed || !found || !isOnPublicBoard(found.challenge)) throw notFound()
  return { ...signed, ...found }
}

// The links in the "is it fixed?" mail land here. Opening a link changes nothing (mail
// scanners and previews open links); it shows a one-button form with the answer the link named
// already chosen, and pressing the button answers. Mail programs do not reliably send forms
// from inside a message, so the mail carries links, not forms.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const q = await load(params.token)
  const { t } = await getRequestT(request)
  const asked = new URL(request.url).searchParams.get('answer')
  const preset = FIXED_ANSWERS.find((a) => a === asked) ?? q.own?.answer ?? null
  return json({
    title: t('fixed.heading'),
    challenge: { id: q.challenge.id, title: q.challenge.title },
    open: q.open,
    author: q.author,
    own: q.own,
    preset: preset as FixedAnswer | null,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const q = await load(params.token)
  const submission = parseWithZod(await request.formData(), { schema: FixedAnswerSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const result = await answerFixed({
    challengeId: q.challengeId,
    userId: q.userId,
    answer: submission.value.answer,
    note: q.author ? submission.value.note : null,
    defaultDisputeBody: await defaultDisputeBody(),
    ip: context.ip ?? null,
  })
  if (!result) return json({ closed: true }, { status: 409 })
  return json({ done: submission.value.answer, disputed: result.disputed })
}

export default function FixedAnswerPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as
    | { result?: never; done?: FixedAnswer; disputed?: boolean; closed?: boolean }
    | { result: Parameters<typeof FixedAnswerForm>[0]['lastResult'] }
    | undefined
  const link = <Link to={`/challenges/${data.challenge.id}#fixed`}>{data.challenge.title}</Link>
  const closed = !data.open || (actionData && 'closed' in actionData && actionData.closed)
  const done = actionData && 'done' in actionData ? actionData : null
  return (
    <div className="narrow">
      <h1>{t('fixed.heading')}</h1>
      <p>{t('fixed.about')}</p>
      <p>{link}</p>
      {closed ? (
        <p className="notice-neutral" role="status">
          {t('fixed.closed')}
        </p>
      ) : done?.done ? (
        <div className="notice" role="status">
          <p>{t('fixed.thanks', { answer: t(`fixed.answers.${done.done}`) })}</p>
          {done.disputed && <p>{t('fixed.disputed')}</p>}
        </div>
      ) : (
        <>
          {data.own && (
            <p>{t('fixed.yourAnswerNow', { answer: t(`fixed.answers.${data.own.answer}`) })}</p>
          )}
          <FixedAnswerForm
            id="fixed-link-form"
            selected={data.preset}
            author={data.author}
            lastResult={actionData && 'result' in actionData ? actionData.result : undefined}
          />
        </>
      )}
    </div>
  )
}
