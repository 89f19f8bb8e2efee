import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors, TextField } from '~/components/forms'
import { PLACE_TEXT_MAX } from '~/models/place'

/**
 * A challenge's place: words anyone can give and read, complete on their own; coordinates are
 * an addition (typed, or filled in by `children`: the map and "use my position" with
 * JavaScript, or the photo's place, asked for in the photo field).
 */
export function PlaceFields({
  placeText,
  lat,
  lng,
  children,
}: {
  placeText: FieldMetadata<unknown>
  lat: FieldMetadata<unknown>
  lng: FieldMetadata<unknown>
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const open = Boolean(lat.initialValue || lng.initialValue || lat.errors || lng.errors)
  return (
    <fieldset className="place-fields">
      <legend>{t('place.legend')}</legend>
      <TextField
        field={placeText}
        label={t('place.text')}
        hint={t('place.textHint', { max: PLACE_TEXT_MAX })}
      />
      <details open={open || undefined}>
        <summary>{t('place.coordinates')}</summary>
        <div id="place-coordinates">
          <p className="hint">{t('place.coordinatesHint')}</p>
          <CoordinateField field={lat} id="place-lat" label={t('place.lat')} />
          <CoordinateField field={lng} id="place-lng" label={t('place.lng')} />
          {children}
        </div>
      </details>
    </fieldset>
  )
}

function CoordinateField({
  field,
  id,
  label,
}: {
  field: FieldMetadata<unknown>
  id: string
  label: string
}) {
  const errorId = `${id}-error`
  const invalid = Boolean(field.errors?.length)
  const value = Array.isArray(field.initialValue) ? field.initialValue[0] : field.initialValue
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        name={field.name}
        key={field.key}
        defaultValue={typeof value === 'string' ? value : ''}
        inputMode="decimal"
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
      <FieldErrors id={errorId} errors={field.errors} />
    </div>
  )
}
