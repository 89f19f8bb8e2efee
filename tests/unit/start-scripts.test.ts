// `npm start` and `npm run serve` must start the server alike: the bench measures the flags of
// `serve` (bench/procs.ts serveFlags), and the heap limit there is what keeps RSS after load
// within its target (docs/decisions.md, issue 11).
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serveFlags } from '../../bench/procs'

const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<
  string,
  string
>
const nodeFlags = (script: string) =>
  /\bexec node ((?:--\S+ )*)build\/server\.js\b/.exec(script)?.[1]?.trim().split(' ') ?? null

describe('start scripts', () => {
  it('serve starts the server with the heap limit the bench measures', () => {
    expect(serveFlags()).toContain('--max-old-space-size=512')
  })

  it('start and serve give node the same flags', () => {
    expect(nodeFlags(scripts.start!)).toEqual(nodeFlags(scripts.serve!))
  })
})
