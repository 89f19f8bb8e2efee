import { useEffect, useState } from 'react'

/** False in the server's HTML and until the browser has hydrated (or when it never runs scripts). */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
