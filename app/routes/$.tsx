// Every unknown URL, for GET and any other method: the root error boundary shows a
// translated 404 page.
export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export async function action() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}
