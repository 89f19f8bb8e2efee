import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { createTranslator, TranslationProvider } from '~/i18n-react'

async function hydrate() {
  // The server chose the language; load only that one.
  const language = document.documentElement.lang === 'en' ? 'en' : 'sv'
  const texts =
    language === 'en'
      ? (await import('~/locales/en.json')).default
      : (await import('~/locales/sv.json')).default
  const translator = createTranslator(language, texts)

  startTransition(() => {
    hydrateRoot(
      document,
      <TranslationProvider value={translator}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </TranslationProvider>,
    )
  })
}

void hydrate()
