import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useTranslation } from '~/i18n-react'
import { OPEN_DATA_FIELDS } from '~/models/open-data-fields'
import { getSettings } from '~/models/settings.server'
import { getRequestT } from '~/services/i18n.server'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta()

const LICENCE_URL = 'https://creativecommons.org/publicdomain/zero/1.0/'

/** GET /open-data: what the public dump holds, its licence and where to get it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t }, settings] = await Promise.all([getRequestT(request), getSettings()])
  return json({
    title: t('openData.title'),
    description: t('meta.openData', { board: settings.boardName }),
  })
}

export default function OpenData() {
  const { t } = useTranslation()
  return (
    <article className="narrow prose">
      <h1>{t('openData.title')}</h1>
      <p>{t('openData.intro')}</p>

      <h2>{t('openData.filesHeading')}</h2>
      <ul>
        <li>
          <a href="/open-data/challenges.json" download>
            {t('openData.jsonLink')}
          </a>{' '}
          {t('openData.jsonNote')}
        </li>
        <li>
          <a href="/open-data/challenges.csv" download>
            {t('openData.csvLink')}
          </a>{' '}
          {t('openData.csvNote')}
        </li>
      </ul>
      <p>{t('openData.updated')}</p>

      <h2>{t('openData.licenceHeading')}</h2>
      <p>
        {t('openData.licence')}{' '}
        <a href={LICENCE_URL} rel="license">
          {t('openData.licenceLink')}
        </a>
      </p>

      <h2>{t('openData.privacyHeading')}</h2>
      <p>{t('openData.privacy')}</p>

      <h2>{t('openData.fieldsHeading')}</h2>
      <table>
        <caption>{t('openData.fieldsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('openData.field')}</th>
            <th scope="col">{t('openData.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {OPEN_DATA_FIELDS.map(({ field }) => (
            <tr key={field}>
              <th scope="row">
                <code>{field}</code>
              </th>
              <td>{t(`openData.fields.${field}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('openData.csvColumns')}</p>

      <h2>{t('openData.apiHeading')}</h2>
      <p>
        {t('openData.api')} <a href="/api/v1/challenges">/api/v1/challenges</a>
      </p>
    </article>
  )
}
