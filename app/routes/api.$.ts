import { apiError } from '~/models/open-data.server'

// Every other path under /api/ answers like the API does — JSON, readable cross-origin — not
// with the site's HTML 404 page, which a client cannot read or parse.
export function loader() {
  return apiError(404, 'No such resource in the open data API; see /open-data.')
}

export function action() {
  return apiError(405, 'The open data API is read-only.')
}
