import { z } from 'zod'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().default('file:./data/utmana.sqlite'),
  /**
   * PostgreSQL behind a transaction-pooling PgBouncer: a URL straight to the server, for the
   * session-long connections pooling cannot carry (LISTEN for page-cache invalidation, the
   * jobs leader's advisory lock).
   */
  DATABASE_DIRECT_URL: z.string().optional(),
  /** Worker processes serving the one port (node:cluster); 1: one plain process. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Comma-separated; the first signs new cookies, the rest are still accepted (rotation). */
  SESSION_SECRET: z
    .string()
    .refine(
      (v) => v.split(',').every((secret) => secret.trim().length >= 32),
      'each comma-separated secret needs at least 32 characters (openssl rand -hex 32)',
    )
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Utmana <no-reply@utmana.local>'),
  DEFAULT_LOCALE: z.enum(['sv', 'en']).default('sv'),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * Which public pages the server keeps rendered in production (app/services/page-cache.server.ts):
   * everyone's (anonymous and signed-in readers, each member their own copy), anonymous
   * visitors' only, or none.
   */
  PAGE_CACHE: z.enum(['everyone', 'anonymous', 'off']).default('everyone'),
  /**
   * A map tile server, e.g. https://tiles.example.se/{z}/{x}/{y}.png; unset (or empty): no map
   * anywhere, the place stays text. One host only: a `{s}` subdomain template has no single
   * origin for the CSP to allow.
   */
  MAP_TILES_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .url()
      .refine(
        (v) => /^https?:\/\/[^/{}]+\//.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p)),
        'an http(s) URL on one host with {z}, {x} and {y}, e.g. https://tiles.example.se/{z}/{x}/{y}.png',
      )
      .optional(),
  ),
  /** Shown on every map (plain text): tile servers' terms ask for it. */
  MAP_ATTRIBUTION: z.string().trim().min(1).max(300).default('© OpenStreetMap contributors'),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

/** Read and check the environment once; a bad value stops the process with a clear message. */
export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
  }
  cached = parsed.data
  return cached
}

/** Forget the parsed environment (tests change process.env between cases). */
export function resetEnv() {
  cached = undefined
}

/**
 * The site's address: PUBLIC_URL, the only source of absolute URLs (never Host or
 * X-Forwarded-Host, which a client writes); unset, the local address of this process.
 */
export function publicUrl(): URL {
  const env = getEnv()
  return new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`)
}

/** An absolute URL on this site for a path such as `/challenges/12`. */
export function absoluteUrl(path: string): string {
  return `${publicUrl().origin}${path}`
}

/** A site on this machine only (the local demo, development, tests). */
export function isLocalSite(): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(publicUrl().hostname)
}

/** Secure, `__Host-` cookies whenever the site is served over HTTPS. */
export function isHttpsSite(): boolean {
  return publicUrl().protocol === 'https:'
}

/** The map's tiles and their attribution; null when MAP_TILES_URL is unset: no map anywhere. */
export function mapTiles(): { url: string; attribution: string } | null {
  const env = getEnv()
  return env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_ATTRIBUTION } : null
}
