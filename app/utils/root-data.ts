import { useRouteLoaderData } from '@remix-run/react'
import type { loader } from '~/root'

/** The root loader's data (locale, signed-in user, board); undefined only if the root failed. */
export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}
