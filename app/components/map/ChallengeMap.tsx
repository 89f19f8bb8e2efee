import { useNavigate } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { mapServiceUrl } from '~/models/place'
import { useHydrated } from '~/utils/use-hydrated'
import type { MapTiles } from './leaflet'
import { MapView } from './MapView'

/** How close the challenge page's map opens: a few streets around the place. */
const ZOOM = 16

/**
 * The challenge's place on a map, under the place's text (which stays the whole answer without
 * JavaScript or a map). Render it only when the challenge has coordinates and tiles are set.
 */
export function ChallengeMap({
  tiles,
  challenge,
  inPlaceSection = false,
}: {
  tiles: MapTiles
  challenge: { id: number; title: string; lat: number; lng: number; place_text: string | null }
  /** Inside the page's place section (its `children`): no section or heading of its own. */
  inPlaceSection?: boolean
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const hydrated = useHydrated()
  if (!hydrated) return null
  const { lat, lng } = challenge
  const content = (
    <>
      <p id="challenge-map-help" className="hint">
        {t('map.challengeHelp')}
      </p>
      <MapView
        key={`${challenge.id}:${lat}:${lng}`}
        tiles={tiles}
        label={t('map.challengeLabel', { title: challenge.title })}
        describedBy="challenge-map-help"
        draw={(code, map) => {
          map.setView([lat, lng], ZOOM)
          code.addMarkers(
            map,
            [
              {
                lat,
                lng,
                title: challenge.title,
                link: {
                  href: mapServiceUrl({ lat, lng }),
                  text: t('map.openService'),
                  external: true,
                },
                lines: challenge.place_text ? [challenge.place_text] : [],
              },
            ],
            t,
            navigate,
          )
        }}
      />
    </>
  )
  return inPlaceSection ? (
    <div className="map-section">{content}</div>
  ) : (
    <section className="map-section" aria-labelledby="challenge-map-heading">
      <h2 id="challenge-map-heading">{t('map.challengeHeading')}</h2>
      {content}
    </section>
  )
}
