import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * A throwaway PostgreSQL cluster for tests and the benchmark: Debian's `postgresql` package
 * (15 or later), a fresh data directory in the temp folder, loopback only, trust auth, a free
 * port. `initdb` refuses to run as root, so as root the cluster runs as the `postgres` user.
 * Durability is off (fsync, synchronous_commit) unless asked for: the data is thrown away
 * afterwards, but a benchmark compares with SQLite's synchronous=FULL and asks for it.
 */
export interface Cluster {
  /** A superuser URL to the `postgres` database. */
  url: string
  port: number
  stop(): void
}

function binDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .map(Number)
        .filter((v) => v >= 15 && fs.existsSync(path.join(root, String(v), 'bin', 'initdb')))
        .sort((a, b) => b - a)
    : []
  if (!versions.length)
    throw new Error(
      'PostgreSQL 15 or later is not installed (Debian: apt-get install postgresql postgresql-contrib)',
    )
  return path.join(root, String(versions[0]), 'bin')
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function startCluster(
  options: { maxConnections?: number; durable?: boolean } = {},
): Promise<Cluster> {
  const bin = binDir()
  const asRoot = process.getuid?.() === 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-pg-'))
  const data = path.join(dir, 'data')
  const asOwner = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]]
      : [path.join(bin, command), args]
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: dir })
    if (result.status !== 0)
      throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error}`)
  }
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  asOwner('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  const port = await freePort()
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c max_connections=${options.maxConnections ?? 200}`,
    ...(options.durable
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ')
  asOwner('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', 'start'])
  let stopped = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return
      stopped = true
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/** `postgres://…/postgres` with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}
