import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleChallengeAction, PHOTO_INTENTS } from '~/actions/challenge.server'
import { onlyUploading, readPhotoForm } from '~/services/photo-form.server'
import { ChallengeView } from '~/components/challenge/ChallengeView'
import { PostedContext } from '~/components/challenge/PostedNotice'
import { parseId } from '~/forms/challenge'
import { challengePageData } from '~/loaders/challenge.server'
import { getChallenge } from '~/models/challenge.server'
import { requireUser } from '~/services/session.server'
import { publicMeta } from '~/utils/meta'
import { maySeeChallenge } from '~/utils/policy'
import { notFound } from '~/utils/responses.server'

export const meta = publicMeta({
  type: 'article',
  path: (data) => {
    const id = (data as { challenge?: { id: number } } | undefined)?.challenge?.id
    return id ? `/challenges/${id}` : undefined
  },
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  return challengePageData(request, params.id)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = parseId(params.id)
  const challenge = id ? await getChallenge(id) : undefined
  if (!challenge) throw notFound()
  // A light check, not the whole page: actions (votes above all) must stay cheap.
  if (!maySeeChallenge(user, challenge)) throw notFound()
  // Proposals and progress updates may carry photos (a multipart form); the rest are small.
  const photos = /^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')
    ? await readPhotoForm(request, user.id, {
        accepts: (fields) => PHOTO_INTENTS.has(String(fields.get('intent'))),
        final: (fields) => !onlyUploading(fields),
      })
    : null
  const form = photos?.fields ?? (await request.formData())
  return handleChallengeAction(user, challenge, form, context.ip ?? null, photos)
}

export default function ChallengePage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <PostedContext.Provider value={data.posted}>
      <ChallengeView data={data} actionData={actionData ?? null} />
    </PostedContext.Provider>
  )
}
