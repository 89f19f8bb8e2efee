import { getTextareaProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors, FormErrors, SelectField, TextField, useSchemaForm } from '~/components/forms'
import {
  SimilarChallenges,
  useSimilarChallenges,
  type SimilarChallenge,
} from '~/components/SimilarChallenges'
import { actOnSimilarChallenge } from '~/actions/challenge.server'
import { ChallengeSchema } from '~/forms/challenge'
import { DESCRIPTION_MAX, TITLE_MAX, TITLE_MIN } from '~/models/challenge-constants'
import { createChallenge, findRecentDuplicate } from '~/models/challenge.server'
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
  const { t } = await getRequestT(request)
  return json({ title: t('post.title'), ...(await formOptions(user.id)) })
}

const noSimilar: SimilarChallenge[] = []

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  const similarAction = formData.get('similar')
  if (typeof similarAction === 'string') {
    // A vote or follow from the similar list. Without JavaScript the draft came along with it:
    // it goes back unchecked (the author is still writing), with the list seen from the new state.
    const done = await actOnSimilarChallenge(user, similarAction)
    const draft = parseWithZod(formData, { schema: ChallengeSchema }).reply()
    const text = `${formData.get('title') ?? ''} ${formData.get('description') ?? ''}`
    return json({
      result: { initialValue: draft.initialValue },
      preview: null,
      similar: await findSimilarChallenges(text.slice(0, 1000), user.id),
      done,
    })
  }
  const submission = parseWithZod(formData, { schema: ChallengeSchema })
  if (submission.status !== 'success') {
    return json(
      { result: submission.reply(), preview: null, similar: noSimilar, done: null },
      { status: 400 },
    )
  }
  const value = submission.value
  const options = await formOptions(user.id)
  const fieldErrors: Record<string, string[]> = {}
  if (!options.categories.some((c) => c.id === value.categoryId))
    fieldErrors.categoryId = ['errors.choose']
  if (!options.areas.some((a) => a.id === value.areaId)) fieldErrors.areaId = ['errors.choose']
  if (value.organisationId && !options.organisations.some((o) => o.id === value.organisationId)) {
    fieldErrors.organisationId = ['errors.notMember']
  }
  if (Object.keys(fieldErrors).length) {
    return json(
      { result: submission.reply({ fieldErrors }), preview: null, similar: noSimilar, done: null },
      { status: 400 },
    )
  }

  if (value.intent === 'preview') {
    const similar = await findSimilarChallenges(`${value.title} ${value.description}`, user.id)
    return json({
      result: submission.reply(),
      preview: renderMarkdown(value.description),
      similar,
      done: null,
    })
  }

  const duplicate = await findRecentDuplicate(user.id, value.title)
  if (duplicate) return redirect(`/challenges/${duplicate}`)
  await withRateLimits({ action: 'post', userId: user.id }, () => consume('post', String(user.id)))
  const settings = await getSettings()
  // Pre-moderation and quarantine hold it as pending; staff posts are never held.
  const held = await mustHold(user, settings)
  const id = await createChallenge({
    authorId: user.id,
    organisationId: value.organisationId ?? null,
    title: value.title,
    description: value.description,
    categoryId: value.categoryId,
    areaId: value.areaId,
    status: held ? 'pending' : 'open',
  })
  return redirect(`/challenges/${id}`)
}

export default function NewChallenge() {
  const { t, i18n } = useTranslation()
  const { categories, areas, organisations } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'challenge',
    schema: ChallengeSchema,
    lastResult: data?.result,
  })
  const en = i18n.language === 'en'
  const similar = useSimilarChallenges(form.id, data?.similar ?? [])
  const descriptionInvalid = Boolean(fields.description.errors?.length)
  return (
    <div className="with-aside">
      <div>
        <h1>{t('post.title')}</h1>
        <p>{t('post.intro')}</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <FormErrors form={form} />
          <TextField
            field={fields.title}
            label={t('post.titleLabel')}
            hint={t('post.titleHint', { min: TITLE_MIN, max: TITLE_MAX })}
            required
          />
          <div className="field">
            <label htmlFor={fields.description.id}>{t('post.description')}</label>
            <p id={`${fields.description.id}-hint`} className="hint">
              {t('post.descriptionHint', {
                max: DESCRIPTION_MAX.toLocaleString(en ? 'en-GB' : 'sv-SE'),
              })}
            </p>
            <textarea
              {...getTextareaProps(fields.description, { ariaAttributes: false })}
              key={fields.description.key}
              rows={10}
              aria-invalid={descriptionInvalid || undefined}
              aria-describedby={`${fields.description.id}-hint${descriptionInvalid ? ` ${fields.description.errorId}` : ''}`}
            />
            <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
          </div>
          <SelectField field={fields.categoryId} label={t('post.category')}>
            <option value="">{t('post.choose')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {en ? c.name_en : c.name_sv}
              </option>
            ))}
          </SelectField>
          <SelectField field={fields.areaId} label={t('post.area')}>
            <option value="">{t('post.choose')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {en ? a.name_en : a.name_sv}
              </option>
            ))}
          </SelectField>
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
