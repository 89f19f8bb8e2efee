import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { AdminNav } from '~/components/AdminNav'
import { FormErrors, TextField, useSchemaForm, TextAreaField } from '~/components/forms'
import {
  AddTemplateSchema,
  ArchiveTemplateSchema,
  EditTemplateSchema,
  TEMPLATE_BODY_MAX,
  TEMPLATE_NAME_MAX,
} from '~/forms/admin'
import {
  addReplyTemplate,
  listReplyTemplatesForAdmin,
  setReplyTemplateArchived,
  updateReplyTemplate,
} from '~/models/reply-templates.server'
import { getRequestT } from '~/services/i18n.server'
import { requireAdmin } from '~/services/session.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const NOTICES = ['added', 'saved', 'archived', 'unarchived'] as const
type Notice = (typeof NOTICES)[number]

const notFound = () => json({ error: 'not found' }, { status: 404 })
const badRequest = () => json({ error: 'bad request' }, { status: 400 })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const [{ t }, templates] = await Promise.all([getRequestT(request), listReplyTemplatesForAdmin()])
  const notice = new URL(request.url).searchParams.get('notice')
  return json({
    title: t('admin.templates.title'),
    templates,
    notice: NOTICES.includes(notice as Notice) ? (notice as Notice) : null,
  })
}

type Reply = { formId: string; result: SubmissionResult<string[]> }

// Not `template-N`: that is the list item's id (the anchor a save returns to), and Conform names
// the fields after the form (`…-name`), which would also be the heading's id. With an id taken
// twice the browser binds the fields (form="…") to the list item, and Save sends nothing.
const editFormId = (id: number | string) => `edit-template-${id}`
const reply = (formId: string, result: SubmissionResult<string[]>) =>
  json<Reply>({ formId, result }, { status: 400 })

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const formData = await request.formData()
  const actor = { actorId: admin.id, ip: context.ip }
  const intent = formData.get('intent')

  if (intent === 'add') {
    const submission = parseWithZod(formData, { schema: AddTemplateSchema })
    if (submission.status !== 'success') return reply('add-template', submission.reply())
    await addReplyTemplate(submission.value, actor)
    return redirect('/admin/templates?notice=added')
  }

  if (intent === 'edit') {
    const submission = parseWithZod(formData, { schema: EditTemplateSchema })
    if (submission.status !== 'success') {
      if (submission.error?.id) throw notFound()
      return reply(editFormId(String(formData.get('id'))), submission.reply())
    }
    if (!(await updateReplyTemplate(submission.value.id, submission.value, actor))) {
      throw notFound()
    }
    return redirect(`/admin/templates?notice=saved#template-${submission.value.id}`)
  }

  if (intent === 'archive' || intent === 'unarchive') {
    const submission = parseWithZod(formData, { schema: ArchiveTemplateSchema })
    if (submission.status !== 'success') throw notFound()
    const archive = intent === 'archive'
    if (!(await setReplyTemplateArchived(submission.value.id, archive, actor))) throw notFound()
    return redirect(`/admin/templates?notice=${archive ? 'archived' : 'unarchived'}`)
  }

  throw badRequest()
}

// The same field as the organisation profile's; both belong in ~/components/forms.

/** Plain text with its line breaks kept. */
function Lines({ text, lang }: { text: string; lang: string }) {
  return (
    <p lang={lang}>
      {text.split('\n').map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line}
        </span>
      ))}
    </p>
  )
}

type Template = SerializeFrom<typeof loader>['templates'][number]

function TemplateForm({
  template,
  lastResult,
}: {
  template?: Template
  lastResult?: Reply | null
}) {
  const { t } = useTranslation()
  const id = template ? editFormId(template.id) : 'add-template'
  const schema = template ? EditTemplateSchema : AddTemplateSchema
  const [form, fields] = useSchemaForm({
    id,
    schema,
    lastResult: lastResult?.formId === id ? lastResult.result : null,
    defaultValue: template
      ? { name: template.name, bodySv: template.body_sv, bodyEn: template.body_en }
      : undefined,
  })
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value={template ? 'edit' : 'add'} />
      {template && <input type="hidden" name="id" value={template.id} />}
      <TextField
        field={fields.name}
        label={t('admin.templates.name')}
        hint={t('admin.templates.nameHint', { max: TEMPLATE_NAME_MAX })}
        required
      />
      <TextAreaField
        field={fields.bodySv}
        label={t('admin.templates.bodySv')}
        hint={t('admin.templates.bodyHint', { max: TEMPLATE_BODY_MAX })}
        lang="sv"
        maxLength={TEMPLATE_BODY_MAX}
      />
      <TextAreaField
        field={fields.bodyEn}
        label={t('admin.templates.bodyEn')}
        lang="en"
        maxLength={TEMPLATE_BODY_MAX}
      />
      <button
        type="submit"
        className="button"
        aria-describedby={template ? `template-${template.id}-name` : undefined}
      >
        {t(template ? 'admin.templates.save' : 'admin.templates.add')}
      </button>
    </Form>
  )
}

export default function AdminTemplates() {
  const { t } = useTranslation()
  const { templates, notice } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.templates.title')}</h1>
      </div>
      <AdminNav />
      <p className="lead">{t('admin.templates.lead')}</p>
      {notice && (
        <p className="notice" role="status">
          {t(`admin.templates.notice.${notice}`)}
        </p>
      )}
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('admin.templates.listHeading')}</h2>
        {templates.length === 0 ? (
          <p>{t('admin.templates.empty')}</p>
        ) : (
          <ul className="plain">
            {templates.map((template) => {
              const open = lastResult?.formId === editFormId(template.id)
              return (
                <li key={template.id} id={`template-${template.id}`} className="card">
                  <h3 id={`template-${template.id}-name`}>
                    {template.name}
                    {template.archived_at && <> ({t('admin.templates.archived')})</>}
                  </h3>
                  <Lines text={template.body_sv} lang="sv" />
                  <Lines text={template.body_en} lang="en" />
                  <details open={open || undefined}>
                    <summary>
                      {t('admin.templates.edit')}{' '}
                      <span className="visually-hidden">{template.name}</span>
                    </summary>
                    <TemplateForm template={template} lastResult={lastResult} />
                  </details>
                  <Form method="post" className="inline-actions">
                    <input type="hidden" name="id" value={template.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={template.archived_at ? 'unarchive' : 'archive'}
                      className="button secondary"
                      aria-describedby={`template-${template.id}-name`}
                    >
                      {t(
                        template.archived_at
                          ? 'admin.templates.unarchive'
                          : 'admin.templates.archive',
                      )}
                    </button>
                  </Form>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-template-heading" className="narrow">
        <h2 id="add-template-heading">{t('admin.templates.add')}</h2>
        <TemplateForm lastResult={lastResult} />
      </section>
    </>
  )
}
