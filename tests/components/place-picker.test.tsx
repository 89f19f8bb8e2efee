// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PlacePicker } from '~/components/map/PlacePicker'
import { createTranslator, TranslationProvider } from '~/i18n-react'
import sv from '~/locales/sv.json'

const BOUNDS = { south: 55.9, west: 12.45, north: 56.2, east: 12.95 }
const TILES = { url: 'https://tiles.example.se/{z}/{x}/{y}.png', attribution: '© OSM' }
const translator = createTranslator('sv', sv)

function Form({ tiles = TILES as typeof TILES | null }) {
  return (
    <TranslationProvider value={translator}>
      <form>
        <div id="place-coordinates">
          <label htmlFor="place-lat">Latitud</label>
          <input id="place-lat" name="lat" />
          <label htmlFor="place-lng">Longitud</label>
          <input id="place-lng" name="lng" />
          <PlacePicker latId="place-lat" lngId="place-lng" bounds={BOUNDS} tiles={tiles} />
        </div>
      </form>
    </TranslationProvider>
  )
}

function withPosition(result: { lat: number; lng: number } | 'denied') {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail: PositionErrorCallback) =>
    result === 'denied'
      ? fail({ code: 1, message: 'denied' } as GeolocationPositionError)
      : ok({ coords: { latitude: result.lat, longitude: result.lng } } as GeolocationPosition),
  )
  Object.defineProperty(navigator, 'geolocation', {
    value: { getCurrentPosition },
    configurable: true,
  })
  return getCurrentPosition
}

afterEach(() => {
  // jsdom has no geolocation of its own.
  delete (navigator as { geolocation?: unknown }).geolocation
})

describe('PlacePicker', () => {
  it('is absent from the server-rendered form: without JavaScript the fields are typed', () => {
    const html = renderToStaticMarkup(<Form />)
    expect(html).not.toContain('Använd min position')
    expect(html).not.toContain('Välj på kartan')
  })

  it('writes my position, rounded to four decimals, into the fields and says so', async () => {
    const asked = withPosition({ lat: 56.046512, lng: 12.694549 })
    render(<Form />)
    const changed = vi.fn()
    screen.getByLabelText('Latitud').addEventListener('input', changed)
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Använd min position' })),
    )
    expect(asked).toHaveBeenCalledOnce()
    expect(screen.getByLabelText('Latitud')).toHaveValue('56.0465')
    expect(screen.getByLabelText('Longitud')).toHaveValue('12.6945')
    // Form libraries hear of it as typing.
    expect(changed).toHaveBeenCalled()
    expect(screen.getByRole('status')).toHaveTextContent('Platsen är satt till 56.0465, 12.6945.')
  })

  it('warns when the position is outside the town, and says when none was given', async () => {
    withPosition({ lat: 59.3293, lng: 18.0686 })
    const { unmount } = render(<Form />)
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Använd min position' })),
    )
    expect(screen.getByRole('status')).toHaveTextContent(
      'Platsen 59.3293, 18.0686 ligger utanför kommunens område',
    )
    unmount()
    withPosition('denied')
    render(<Form />)
    await act(async () =>
      fireEvent.click(screen.getByRole('button', { name: 'Använd min position' })),
    )
    expect(screen.getByRole('status')).toHaveTextContent('Din position kunde inte hämtas.')
    expect(screen.getByLabelText('Latitud')).toHaveValue('')
  })

  it('offers the map only with a tile server, as a button that shows and hides it', async () => {
    const { unmount } = render(<Form tiles={null} />)
    expect(screen.queryByRole('button', { name: 'Välj på kartan' })).toBeNull()
    // No geolocation in this browser: no position button either.
    expect(screen.queryByRole('button', { name: 'Använd min position' })).toBeNull()
    unmount()
    render(<Form />)
    const toggle = screen.getByRole('button', { name: 'Välj på kartan' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await act(async () => fireEvent.click(toggle))
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(toggle).toHaveTextContent('Dölj kartan')
    expect(screen.getByRole('region', { name: 'Karta för att välja platsen' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Använd kartans mitt' })).toBeInTheDocument()
  })
})
