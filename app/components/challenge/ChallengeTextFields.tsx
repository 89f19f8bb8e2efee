import type { FieldMetadata } from '@conform-to/react'
import { SelectField, TextAreaField, TextField } from '~/components/forms'
import { useTranslation } from '~/i18n-react'
import { DESCRIPTION_MAX, TITLE_MAX, TITLE_MIN } from '~/models/challenge-constants'

type Named = { id: number; name_sv: string; name_en: string }

/**
 * A challenge's title, description, category and area: the fields a new challenge and its
 * edit share. A new one explains the description's limit and starts with nothing chosen.
 */
export function ChallengeTextFields(props: {
  fields: {
    title: FieldMetadata<unknown>
    description: FieldMetadata<unknown>
    categoryId: FieldMetadata<unknown>
    areaId: FieldMetadata<unknown>
  }
  categories: Named[]
  areas: Named[]
  isNew: boolean
}) {
  const { t, i18n } = useTranslation()
  const { fields, isNew } = props
  const en = i18n.language === 'en'
  // A list, not a fragment: SelectField looks at its first option for the empty placeholder.
  const options = (items: Named[]) => [
    isNew && (
      <option key="none" value="">
        {t('post.choose')}
      </option>
    ),
    ...items.map((item) => (
      <option key={item.id} value={item.id}>
        {en ? item.name_en : item.name_sv}
      </option>
    )),
  ]
  return (
    <>
      <TextField
        field={fields.title}
        label={t('post.titleLabel')}
        hint={t('post.titleHint', { min: TITLE_MIN, max: TITLE_MAX })}
        required
      />
      <TextAreaField
        field={fields.description}
        label={t('post.description')}
        hint={
          isNew
            ? t('post.descriptionHint', {
                max: DESCRIPTION_MAX.toLocaleString(en ? 'en-GB' : 'sv-SE'),
              })
            : undefined
        }
        rows={isNew ? 10 : 12}
        maxLength={DESCRIPTION_MAX}
      />
      <SelectField field={fields.categoryId} label={t('post.category')}>
        {options(props.categories)}
      </SelectField>
      <SelectField field={fields.areaId} label={t('post.area')}>
        {options(props.areas)}
      </SelectField>
    </>
  )
}
