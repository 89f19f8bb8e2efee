import { type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from '~/i18n-react'
import {
  FieldErrors,
  FormErrors,
  SelectField,
  singleSelectProps,
  TextAreaField,
  useSchemaForm,
} from '~/components/forms'
import { TriageSchema } from '~/forms/moderation'
import { MODERATOR_STATUSES, PRIORITIES } from '~/models/moderation-constants'

interface Named {
  id: number
  name: string
}

/**
 * Status, priority, routing, category and area, with a public message or a reply template, in
 * one submit. The contact list holds every department's people, grouped by department; with
 * JavaScript it narrows to the chosen department as it changes, without it the server checks
 * that the contact works there and says so on the field.
 */
export function TriageForm(props: {
  challenge: {
    version: number
    status: string
    priority: string
    department_id: number | null
    contact_user_id: number | null
    category_id: number
    area_id: number
  }
  departments: Named[]
  contacts: Array<Named & { department_id: number }>
  categories: Array<{ id: number; name_sv: string; name_en: string }>
  areas: Array<{ id: number; name_sv: string; name_en: string }>
  templates: Named[]
  lastResult?: SubmissionResult<string[]>
}) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const { challenge } = props
  const [form, fields] = useSchemaForm({
    id: 'triage',
    schema: TriageSchema,
    lastResult: props.lastResult,
    defaultValue: {
      version: String(challenge.version),
      status: challenge.status,
      priority: challenge.priority,
      departmentId: challenge.department_id ? String(challenge.department_id) : '',
      contactUserId: challenge.contact_user_id ? String(challenge.contact_user_id) : '',
      categoryId: String(challenge.category_id),
      areaId: String(challenge.area_id),
    },
  })
  const initialDepartment = String(fields.departmentId.initialValue ?? '')
  const [department, setDepartment] = useState(initialDepartment)
  // The first render matches the server's (every group); only then does the list narrow.
  const [narrow, setNarrow] = useState(false)
  useEffect(() => setNarrow(true), [])
  const groups = props.departments
    .map((d) => ({ ...d, people: props.contacts.filter((c) => c.department_id === d.id) }))
    .filter((g) => g.people.length > 0 && (!narrow || String(g.id) === department))

  const { key: departmentKey, ...departmentProps } = singleSelectProps(fields.departmentId)
  const contactInvalid = Boolean(fields.contactUserId.errors?.length)
  const { key: contactKey, ...contactProps } = singleSelectProps(fields.contactUserId)
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="triage" />
      <input type="hidden" name={fields.version.name} value={challenge.version} />
      <div className="columns">
        <SelectField field={fields.status} label={t('board.status')}>
          {MODERATOR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField field={fields.priority} label={t('triage.priority')}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`triage.priorities.${p}`)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor={fields.departmentId.id}>{t('moderation.routeTo')}</label>
          <select
            key={departmentKey}
            {...departmentProps}
            onChange={(event) => setDepartment(event.currentTarget.value)}
            aria-invalid={fields.departmentId.errors?.length ? true : undefined}
            aria-describedby={
              fields.departmentId.errors?.length ? fields.departmentId.errorId : undefined
            }
          >
            <option value="">{t('moderation.noDepartment')}</option>
            {props.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.departmentId.errorId} errors={fields.departmentId.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.contactUserId.id}>{t('triage.contact')}</label>
          <p className="hint" id={`${fields.contactUserId.id}-hint`}>
            {t('triage.contactHint')}
          </p>
          <select
            key={contactKey}
            {...contactProps}
            aria-invalid={contactInvalid || undefined}
            aria-describedby={
              contactInvalid
                ? `${fields.contactUserId.id}-hint ${fields.contactUserId.errorId}`
                : `${fields.contactUserId.id}-hint`
            }
          >
            <option value="">{t('triage.noContact')}</option>
            {groups.map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.people.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldErrors id={fields.contactUserId.errorId} errors={fields.contactUserId.errors} />
        </div>
        <SelectField field={fields.categoryId} label={t('board.category')}>
          {props.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {en ? c.name_en : c.name_sv}
            </option>
          ))}
        </SelectField>
        <SelectField field={fields.areaId} label={t('board.area')}>
          {props.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {en ? a.name_en : a.name_sv}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField field={fields.templateId} label={t('moderation.template')}>
        <option value="">{t('moderation.noTemplate')}</option>
        {props.templates.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        field={fields.message}
        label={t('triage.publicMessage')}
        hint={t('triage.publicMessageHint')}
        rows={3}
      />
      <button type="submit" className="button">
        {t('triage.save')}
      </button>
    </Form>
  )
}
