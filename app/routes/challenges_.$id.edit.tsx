import { getTextareaProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors, FormErrors, SelectField, TextField, useSchemaForm } from '~/components/forms'
import { ChallengeSchema, parseId } from '~/forms/challenge'
import { TITLE_MAX, TITLE_MIN } from '~/models/challenge-constants'
import {
  getChallenge,
  listRevisions,
  updateChallenge,
  withdrawChallenge,
} from '~/models/challenge.server'
import { canManagePost } from '~/models/permissions.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { formatDateTime } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

/** The challenge, if this user may edit it; 404 for unknown ids, 403 for other people's posts. */
async function editable(request: Request, rawId: string | undefined) {
  const user = await requireUser(request)
  const id = parseId(rawId)
  const challenge = id ? await getChallenge(id) : undefined
  if (!challenge || (challenge.hidden_at && user.role === 'member')) throw json({}, { status: 404 })
  if (!(await canManagePost(user, challenge))) throw json({}, { status: 403 })
  return { user, challenge }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { challenge } = await editable(request, params.id)
  const [{ t }, categories, areas, revisions] = await Promise.all([
    getRequestT(request),
    listCategories(),
    listAreas(),
    listRevisions(challenge.id),
  ])
  return json({
    title: t('edit.title'),
    challenge: {
      id: challenge.id,
      title: challenge.title,
      description: challenge.description_md,
      categoryId: challenge.category_id,
      areaId: challenge.area_id,
      status: challenge.status,
    },
    categories,
    areas,
    revisions,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, challenge } = await editable(request, params.id)
  const form = await request.formData()
  if (form.get('intent') === 'withdraw') {
    if (challenge.status === 'solved' || challenge.status === 'closed')
      throw json({}, { status: 403 })
    await withdrawChallenge(challenge.id, user.id)
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
  })
  return redirect(`/challenges/${challenge.id}`)
}

export default function EditChallenge() {
  const { t, i18n } = useTranslation()
  const { challenge, categories, areas, revisions } = useLoaderData<typeof loader>()
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
  const en = i18n.language === 'en'
  const invalid = Boolean(fields.description.errors?.length)
  return (
    <div className="narrow wide">
      <h1>{t('edit.title')}</h1>
      <p>
        <Link to={`/challenges/${challenge.id}`}>{t('edit.back')}</Link>
      </p>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="save" />
        <TextField
          field={fields.title}
          label={t('post.titleLabel')}
          hint={t('post.titleHint', { min: TITLE_MIN, max: TITLE_MAX })}
          required
        />
        <div className="field">
          <label htmlFor={fields.description.id}>{t('post.description')}</label>
          <textarea
            {...getTextareaProps(fields.description, { ariaAttributes: false })}
            key={fields.description.key}
            rows={12}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? fields.description.errorId : undefined}
          />
          <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <SelectField field={fields.categoryId} label={t('post.category')}>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {en ? c.name_en : c.name_sv}
            </option>
          ))}
        </SelectField>
        <SelectField field={fields.areaId} label={t('post.area')}>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {en ? a.name_en : a.name_sv}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('edit.save')}
        </button>
      </Form>
      {(challenge.status === 'open' ||
        challenge.status === 'in_progress' ||
        challenge.status === 'pending') && (
        <Form method="post" className="danger-zone">
          <h2>{t('edit.withdrawHeading')}</h2>
          <p id="withdraw-hint">{t('edit.withdrawHint')}</p>
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
      )}
      <section aria-labelledby="revisions">
        <h2 id="revisions">{t('edit.revisions')}</h2>
        <ol>
          {revisions.map((r) => (
            <li key={r.id}>
              <time dateTime={r.created_at}>{formatDateTime(r.created_at, i18n.language)}</time> –{' '}
              {r.title}
              {r.editor_name && <> ({r.editor_name})</>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
