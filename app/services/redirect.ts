const BASE = 'http://utmana.invalid'

/**
 * Only a path on this site: "/x" but never "//host", "/\host", a scheme, or a path that turns
 * into one of those once decoded or normalised ("/.//host", "/%2E//host"). Anything else
 * becomes `fallback`.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (typeof to !== 'string' || !to) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(to)
  } catch {
    return fallback
  }
  for (const candidate of [to, decoded]) {
    if (!candidate.startsWith('/') || candidate.startsWith('//')) return fallback
    // eslint-disable-next-line no-control-regex -- control characters are what we refuse
    if (/[\u0000-\u001f\\]/.test(candidate)) return fallback
  }
  // Resolve the way a browser would: whatever comes out must still be a plain local path.
  const url = new URL(to, BASE)
  if (url.origin !== BASE || /^\/(\/|%2f|%5c)/i.test(url.pathname)) return fallback
  return url.pathname + url.search + url.hash
}
