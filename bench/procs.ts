import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { freePort } from '../scripts/pg-cluster'

/**
 * Child processes of this benchmark. Each is started in its own process group (tsx starts a
 * second node process under itself), and stopped by that group's id: the PID we got from spawn.
 */
const children = new Set<ChildProcess>()

export interface Started {
  child: ChildProcess
  pid: number
  logFile: string
}

export function startChild(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; logFile: string; cwd?: string },
): Started {
  const log = fs.openSync(options.logFile, 'a')
  const child = spawn(command, args, {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    stdio: ['ignore', log, log],
    detached: true,
  })
  fs.closeSync(log)
  if (!child.pid) throw new Error(`could not start ${command}`)
  children.add(child)
  child.on('exit', () => children.delete(child))
  return { child, pid: child.pid, logFile: options.logFile }
}

function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to the child's process group, SIGKILL after `graceMs` if anything is left. */
export async function stopChild(started: Started | ChildProcess, graceMs = 8000) {
  const child = 'child' in started ? started.child : started
  const pid = child.pid
  if (!pid) return
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s)
    } catch {
      /* already gone */
    }
  }
  signal('SIGTERM')
  const deadline = Date.now() + graceMs
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100)
  if (groupAlive(pid)) signal('SIGKILL')
  children.delete(child)
}

/** Synchronous last resort (process 'exit' handler): kill every group we started. */
export function killAllChildrenSync() {
  for (const child of children) {
    if (!child.pid) continue
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      /* gone */
    }
  }
  children.clear()
}

export async function stopAllChildren() {
  await Promise.all([...children].map((c) => stopChild(c)))
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Runs a command to completion; rejects with the tail of its output on failure. */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs: number; label: string; echo?: boolean },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    children.add(child)
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.length > 200_000) output = output.slice(-100_000)
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    const timer = setTimeout(() => {
      void stopChild(child, 2000)
      reject(new Error(`${options.label} took longer than ${options.timeoutMs / 1000} s`))
    }, options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      children.delete(child)
      reject(error)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      children.delete(child)
      if (code === 0) resolve(output)
      else
        reject(
          new Error(
            `${options.label} failed (exit ${code}):\n${tail(output.replace(/\r/g, '\n'))}`,
          ),
        )
    })
  })
}

export function tail(text: string, lines = 15) {
  return text.trim().split('\n').slice(-lines).join('\n')
}

/** Polls a URL until it answers 200, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (${child.exitCode})`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return
      last = `status ${response.status}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await sleep(150)
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s (${last})`)
}

/** The node flags `npm run serve` starts the server with (package.json): one place says them. */
export function serveFlags(): string[] {
  const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<
    string,
    string
  >
  const flags = /\bexec node ((?:--\S+ )*)build\/server\.js\b/.exec(scripts.serve ?? '')
  if (!flags)
    throw new Error('package.json: "serve" no longer ends in `exec node … build/server.js`')
  return flags[1]!.trim().split(' ').filter(Boolean)
}

/**
 * How the production server is started: `node build/server.js` once `npm run build` compiles
 * the server (issue 11, item 4), else `node --import tsx server/main.ts` (what `npm run serve`
 * ran before). Either way one plain `node` process, as `npm start` ends in.
 */
export function serverCommand(nodeArgs: string[] = []): {
  command: string
  args: string[]
  label: string
} {
  if (fs.existsSync('build/server.js')) {
    const flags = [...serveFlags(), ...nodeArgs]
    return {
      command: process.execPath,
      args: [...flags, 'build/server.js'],
      label: ['node', ...flags, 'build/server.js'].join(' '),
    }
  }
  return {
    command: process.execPath,
    args: [...nodeArgs, '--import', 'tsx', 'server/main.ts'],
    label: 'node --import tsx server/main.ts',
  }
}

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
export function treeRss(rootPid: number): {
  bytes: number
  processes: number
  names: string[]
  pids: number[]
} {
  const parent = new Map<number, number>()
  const rss = new Map<number, number>()
  const name = new Map<number, string>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Field 4 (ppid) comes after the command name in parentheses, which may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parent.set(Number(entry), Number(fields[1]))
      name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8')
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)
      rss.set(Number(entry), kb ? Number(kb[1]) * 1024 : 0)
    } catch {
      /* exited meanwhile */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; hops++) {
      if (p === rootPid) return true
      p = parent.get(p)
    }
    return false
  }
  let bytes = 0
  let processes = 0
  const names: string[] = []
  const pids: number[] = []
  for (const [pid, r] of rss)
    if (inTree(pid)) {
      bytes += r
      processes++
      pids.push(pid)
      names.push(`${name.get(pid)} ${(r / 2 ** 20).toFixed(0)} MB`)
    }
  return { bytes, processes, names, pids }
}

const PAGE = 4096
const PRESENT = 1n << 63n
const FRAME = (1n << 55n) - 1n

/**
 * Resident memory (bytes) of several processes together, each physical page counted once: the
 * union of the frames their resident pages sit in (/proc/PID/pagemap). Adding up their VmRSS
 * counts a page they share once per process — two node processes share the node binary's
 * ~45 MB of code. Null when the kernel hides frame numbers (reading pagemap needs root).
 */
export function residentOnce(pids: readonly number[]): number | null {
  const frames = new Set<bigint>()
  for (const pid of pids) {
    let smaps: string
    let fd: number
    try {
      smaps = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8')
      fd = fs.openSync(`/proc/${pid}/pagemap`, 'r')
    } catch {
      continue // exited meanwhile
    }
    try {
      let range: { first: number; pages: number } | undefined
      for (const line of smaps.split('\n')) {
        const head = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line)
        if (head) {
          const start = parseInt(head[1]!, 16)
          range = { first: start / PAGE, pages: (parseInt(head[2]!, 16) - start) / PAGE }
          continue
        }
        if (!range || !/^Rss:\s+[1-9]/.test(line)) continue
        const entries = Buffer.alloc(range.pages * 8)
        fs.readSync(fd, entries, 0, entries.length, range.first * 8)
        for (let i = 0; i < range.pages; i++) {
          const entry = entries.readBigUInt64LE(i * 8)
          if (!(entry & PRESENT)) continue
          const frame = entry & FRAME
          if (frame === 0n) return null
          frames.add(frame)
        }
      }
    } finally {
      fs.closeSync(fd)
    }
  }
  return frames.size * PAGE
}

/**
 * The production server (serverCommand) on a free loopback port, as every benchmark runs it:
 * NODE_ENV=production, LOG_LEVEL=warn, and no proxy trust or SMTP inherited from the shell.
 * Resolves once /healthz answers; if it never does, stops it and rejects with its log's tail.
 */
export async function startProductionServer(options: {
  databaseUrl: string
  secret: string
  logFile: string
  env?: Record<string, string>
  nodeArgs?: string[]
  /** a fixed port instead of a free one the kernel picks */
  port?: number
}): Promise<{ server: Started; origin: string }> {
  const port = options.port ?? (await freePort())
  const origin = `http://127.0.0.1:${port}`
  const { command, args } = serverCommand(options.nodeArgs)
  const server = startChild(command, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      SESSION_SECRET: options.secret,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: origin,
      TRUST_PROXY: '',
      SMTP_URL: '',
      ...options.env,
    },
    logFile: options.logFile,
  })
  try {
    await waitForHttp(`${origin}/healthz`, 60_000, server.child)
  } catch (error) {
    const log = fs.existsSync(server.logFile) ? fs.readFileSync(server.logFile, 'utf8') : ''
    await stopChild(server)
    throw new Error(
      `production server (${options.logFile}) did not start: ${(error as Error).message}\n${tail(log)}`,
    )
  }
  return { server, origin }
}

// One free-port probe for the benchmark and the throwaway PostgreSQL cluster.
export { freePort }
