// Kept free of app and database imports: browser tests import it too.

/**
 * The environment of a production server (`node build/server.js`) on a loopback port for a
 * test: the shell's environment with the server's own settings over it. Callers then remove
 * what must not be inherited.
 */
export function productionServerEnv(options: {
  port: number
  databaseUrl: string | undefined
  logLevel: 'warn' | 'info'
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    LOG_LEVEL: options.logLevel,
  }
}
