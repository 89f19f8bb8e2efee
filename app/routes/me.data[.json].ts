import type { LoaderFunctionArgs } from '@remix-run/node'
import { myDataDownload } from '~/services/my-data.server'

/** GET /me/data.json: everything stored about the signed-in user, as a file to keep. */
export async function loader({ request }: LoaderFunctionArgs) {
  return myDataDownload(request)
}
