import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n-react'
import { formatCoordinates, mapServiceUrl } from '~/models/place'

/**
 * Where the challenge is, in words first: the place as its author gave it, and the rounded
 * coordinates with a link to a map service. A map (`children`) is an addition, never needed.
 */
export function PlaceSection({
  placeText,
  lat,
  lng,
  children,
}: {
  placeText: string | null
  lat: number | null
  lng: number | null
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const point = lat !== null && lng !== null ? { lat, lng } : null
  if (!placeText && !point) return null
  return (
    <section className="place" aria-labelledby="place-heading">
      <h2 id="place-heading">{t('place.heading')}</h2>
      {placeText && <p className="place-text">{placeText}</p>}
      {point && (
        <p>
          {t('place.coordinatesText', { coordinates: formatCoordinates(point) })}{' '}
          <a href={mapServiceUrl(point)} rel="noopener noreferrer">
            {t('place.openInMap')}
          </a>
        </p>
      )}
      {children}
    </section>
  )
}
