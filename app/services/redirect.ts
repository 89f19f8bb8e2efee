/**
 * Only a path on this site: "/x" but never "//host", "/\host", a scheme, or an encoded trick.
 * Anything else becomes `fallback`.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/',
): string {
  if (typeof to !== 'string' || !to) return fallback
  let decoded = to
  try {
    decoded = decodeURIComponent(to)
  } catch {
    return fallback
  }
  for (const candidate of [to, decoded]) {
    if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
      return fallback
    }
    // eslint-disable-next-line no-control-regex -- control characters are what we refuse
    if (/[\u0000-\u001f\\]/.test(candidate)) return fallback
  }
  // Resolve against a dummy origin: whatever survives must stay on it.
  const url = new URL(to, 'http://utmana.invalid')
  if (url.origin !== 'http://utmana.invalid') return fallback
  return url.pathname + url.search + url.hash
}
