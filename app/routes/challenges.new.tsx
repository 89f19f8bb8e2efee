import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FormErrors, SelectField, useSchemaForm } from '~/components/forms'
import { ChallengeTextFields } from '~/components/challenge/ChallengeTextFields'
import {
  SimilarChallenges,
  useSimilarChallenges,
  type SimilarChallenge,
} from '~/components/SimilarChallenges'
import { actOnSimilarChallenge } from '~/actions/challenge.server'
import { NewChallengeSchema } from '~/forms/challenge'
import { createChallenge, findRecentDuplicate } from '~/models/challenge.server'
import { PhotosGone } from '~/models/photo.server'
import { findSimilarChallenges } from '~/models/challenge-page.server'
import { listUserMemberships } from '~/models/organisation.server'
import { getSettings } from '~/models/settings.server'
import { mustHold } from '~/models/held-posts.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { renderMarkdown } from '~/services/markdown.server'
import { consume, withRateLimits } from '~/services/rate-limit.server'
import { requireUser } from '~/services/session.server'
import { titleMeta } from '~/utils/meta'
import { PhotoField } from '~/components/PhotoField'
import { PlaceFields } from '~/components/PlaceFields'
import { PlacePicker } from '~/components/map/PlacePicker'
import { mapTiles } from '~/env.server'
import { boundsOf, roundCoordinate, withinBounds } from '~/models/place'
import {
  hasPhotoErrors,
  noPhotoErrors,
  onlyUploading,
  photoReply,
  readPhotoForm,
} from '~/services/photo-form.server'

export const meta = titleMeta

async function formOptions(userId: number) {
  const [categories, areas, memberships] = await Promise.all([
    listCategories(),
    listAreas(),
    listUserMemberships(userId),
  ])
  return { categories, areas, organisations: memberships.filter((m) => m.status === 'active') }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [{ t }, settings] = await Promise.all([getRequestT(request), getSettings()])
  return json({
    title: t('post.title'),
    ...(await formOptions(user.id)),
    // The place picker's map and the box it opens on (JavaScript only).
    tiles: mapTiles(),
    bounds: boundsOf(settings),
  })
}

const noSimilar: SimilarChallenge[] = []

// Posting needs every photo's alternative text; previewing and uploading do not yet.
const isFinal = (fields: FormData) => fields.get('intent') !== 'preview' && !onlyUploading(fields)

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const photos = await readPhotoForm(request, user.id, { final: isFinal })
  const formData = photos.fields
  const similarAction = formData.get('similar')
  if (typeof similarAction === 'string') {
    // A vote or follow from the similar list. Without JavaScript the draft came along with it:
    // it goes back unchecked (the author is still writing), with the list seen from the new state.
    const done = await actOnSimilarChallenge(user, similarAction)
    const draft = parseWithZod(formData, { schema: NewChallengeSchema }).reply()
    const text = `${formData.get('title') ?? ''} ${formData.get('description') ?? ''}`
    return json({
      result: { initialValue: draft.initialValue },
      preview: null,
      similar: await findSimilarChallenges(text.slice(0, 1000), user.id),
      done,
      ...photoReply(photos, noPhotoErrors),
    })
  }
  if (onlyUploading(formData)) {
    // Photos first, words later: the text fields come back as typed, unchecked.
    const draft = parseWithZod(formData, { schema: NewChallengeSchema }).reply()
    return json(
      {
        result: { initialValue: draft.initialValue },
        preview: null,
        similar: noSimilar,
        done: null,
        ...photoReply(photos),
      },
      { status: photos.status },
    )
  }
  const submission = parseWithZod(formData, { schema: NewChallengeSchema })
  const intent = formData.get('intent')
  if (submission.status !== 'success') {
    const status = photos.status === 413 ? 413 : 400
    return json(
      {
        result: submission.reply(),
        preview: null,
        similar: noSimilar,
        done: null,
        ...photoReply(photos),
      },
      { status },
    )
  }
  const value = submission.value
  const [options, settings] = await Promise.all([formOptions(user.id), getSettings()])
  const fieldErrors: Record<string, string[]> = {}
  if (!options.categories.some((c) => c.id === value.categoryId))
    fieldErrors.categoryId = ['errors.choose']
  if (!options.areas.some((a) => a.id === value.areaId)) fieldErrors.areaId = ['errors.choose']
  if (value.organisationId && !options.organisations.some((o) => o.id === value.organisationId)) {
    fieldErrors.organisationId = ['errors.notMember']
  }
  // Coordinates typed or picked win over the photo's; both are rounded to about 10 m and must
  // lie in the town.
  const bounds = boundsOf(settings)
  const typed =
    value.lat !== undefined && value.lng !== undefined ? { lat: value.lat, lng: value.lng } : null
  const point = typed ?? photos.photoPlace
  const photoErrors = { ...photos.errors, photos: [...photos.errors.photos] }
  if (point && !withinBounds(point, bounds)) {
    if (typed) fieldErrors.lat = ['place.errors.outsideTown']
    else photoErrors.photos.push('place.errors.photoOutsideTown')
  }
  const photoStatus = hasPhotoErrors(photoErrors) ? (photos.status === 413 ? 413 : 400) : 200
  if (Object.keys(fieldErrors).length || photoStatus !== 200) {
    return json(
      {
        result: submission.reply({ fieldErrors }),
        preview: null,
        similar: noSimilar,
        done: null,
        ...photoReply(photos, photoErrors),
      },
      { status: Object.keys(fieldErrors).length ? 400 : photoStatus },
    )
  }

  if (intent === 'preview') {
    const similar = await findSimilarChallenges(`${value.title} ${value.description}`, user.id)
    return json({
      result: submission.reply(),
      preview: renderMarkdown(value.description),
      similar,
      done: null,
      ...photoReply(photos),
    })
  }

  const duplicate = await findRecentDuplicate(user.id, value.title)
  if (duplicate) return redirect(`/challenges/${duplicate}`)
  await withRateLimits({ action: 'post', userId: user.id }, () => consume('post', String(user.id)))
  // Pre-moderation and quarantine hold it as pending; staff posts are never held.
  const held = await mustHold(user, settings)
  try {
    const id = await createChallenge({
      authorId: user.id,
      organisationId: value.organisationId ?? null,
      title: value.title,
      description: value.description,
      categoryId: value.categoryId,
      areaId: value.areaId,
      status: held ? 'pending' : 'open',
      placeText: value.placeText ?? null,
      lat: point ? roundCoordinate(point.lat) : null,
      lng: point ? roundCoordinate(point.lng) : null,
      photos: photos.photos.map((p) => ({ key: p.key, alt: p.alt, caption: p.caption || null })),
    })
    return redirect(`/challenges/${id}`)
  } catch (error) {
    if (!(error instanceof PhotosGone)) throw error
    return json(
      {
        result: submission.reply(),
        preview: null,
        similar: noSimilar,
        done: null,
        ...photoReply(photos, { ...photoErrors, photos: ['photos.errors.gone'] }),
      },
      { status: 409 },
    )
  }
}

const noPhotoErrorsClient = { photos: [], alt: {}, caption: {} }

export default function NewChallenge() {
  const { t } = useTranslation()
  const { categories, areas, organisations, tiles, bounds } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'challenge',
    schema: NewChallengeSchema,
    lastResult: data?.result,
  })
  const similar = useSimilarChallenges(form.id, data?.similar ?? [])
  return (
    <div className="with-aside">
      <div>
        <h1>{t('post.title')}</h1>
        <p>{t('post.intro')}</p>
        <Form
          method="post"
          encType="multipart/form-data"
          id={form.id}
          onSubmit={form.onSubmit}
          noValidate
        >
          <FormErrors form={form} />
          <ChallengeTextFields fields={fields} categories={categories} areas={areas} isNew={true} />
          <PlaceFields placeText={fields.placeText} lat={fields.lat} lng={fields.lng}>
            <PlacePicker latId="place-lat" lngId="place-lng" bounds={bounds} tiles={tiles} />
          </PlaceFields>
          <PhotoField
            id="photos"
            photos={data?.photos ?? []}
            errors={data?.photoErrors ?? noPhotoErrorsClient}
            usePlace={data?.usePlace ?? false}
            round={data?.round ?? 'first'}
          />
          {organisations.length > 0 && (
            <SelectField
              field={fields.organisationId}
              label={t('post.onBehalf')}
              hint={t('post.onBehalfHint')}
            >
              <option value="">{t('post.myself')}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          )}
          <div className="actions">
            <button type="submit" name="intent" value="preview" className="button secondary">
              {t('post.preview')}
            </button>
            <button type="submit" name="intent" value="post" className="button">
              {t('post.submit')}
            </button>
          </div>
        </Form>
        {data?.preview && (
          <section aria-labelledby="preview-heading" className="preview">
            <h2 id="preview-heading">{t('post.previewHeading')}</h2>
            {/* Sanitised on the server by renderMarkdown. */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: data.preview }} />
          </section>
        )}
      </div>
      <aside aria-labelledby="similar-heading">
        {data?.done && (
          <p className="notice" role="status">
            {t(data.done === 'vote' ? 'post.similarVoted' : 'post.similarFollowed')}
          </p>
        )}
        <SimilarChallenges challenges={similar} formId={form.id} />
      </aside>
    </div>
  )
}
