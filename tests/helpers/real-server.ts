import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from '../../scripts/pg-cluster'
import { productionServerEnv } from './server-env'

/**
 * Real production servers for tests about processes (shutdown, several processes, jobs): one
 * plain `node build/server.js` each, as `npm run serve` starts it (the tsx command would put a
 * parent process in front that SIGKILLs a server busy for 30 ms when relaying SIGTERM). Run
 * `npm run build` first. Call `killRealServers()` in `afterAll`.
 */
export interface RealServer {
  url: string
  port: number
  child: ChildProcess
  /** Everything it wrote to stdout and stderr so far. */
  output(): string
  /** Its JSON log lines with this event. */
  events(event: string): Record<string, unknown>[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>
}

const children = new Set<ChildProcess>()

export function killRealServers() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
}

/**
 * Starts a server on `databaseUrl` (default: the test file's own database) and waits until it
 * answers /healthz, or with WEB_CONCURRENCY > 1 until the primary says every worker listens.
 * `env` adds to or (with undefined) removes from the environment; SMTP_URL and TRUST_PROXY are
 * never inherited from the shell.
 */
export async function startRealServer(
  options: {
    databaseUrl?: string
    env?: Record<string, string | undefined>
    as?: { uid: number; gid: number }
  } = {},
): Promise<RealServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env = productionServerEnv({
    port,
    databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL,
    logLevel: 'info',
  })
  delete env.SMTP_URL
  delete env.TRUST_PROXY
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  const child = spawn(process.execPath, ['build/server.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.as,
  })
  children.add(child)
  let log = ''
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const workers = Number(env.WEB_CONCURRENCY ?? 1)
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${log}`)
    const ready =
      workers > 1
        ? log.includes('"workers_listening"')
        : await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
            () => true,
            () => false,
          )
    if (ready) break
    if (Date.now() > deadline) throw new Error(`not ready within 60 s:\n${log}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const events = (event: string) =>
    log
      .split('\n')
      .filter((line) => line.startsWith('{') && line.includes(`"${event}"`))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.event === event)
  return {
    url,
    port,
    child,
    output: () => log,
    events,
    exited,
    stop: async () => {
      child.kill('SIGTERM')
      return (await exited).code
    },
  }
}
