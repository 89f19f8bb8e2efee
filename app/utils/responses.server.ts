import { json } from '@remix-run/node'

// Thrown from loaders and actions; the route's error boundary renders the page for the status.
// One copy, so every route answers a refusal with the same body.

export const badRequest = (error = 'bad request') => json({ error }, { status: 400 })
export const forbidden = () => json({ error: 'forbidden' }, { status: 403 })
export const notFound = () => json({ error: 'not found' }, { status: 404 })
export const conflict = (error = 'conflict') => json({ error }, { status: 409 })
