import { createRequire } from 'node:module'
import { createElement as h, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type * as RemixReact from '@remix-run/react'
import type * as RouterDom from 'react-router-dom'
import type * as RouterDomServer from 'react-router-dom/server'

// The files the server loads: @remix-run/react's CommonJS build (patched, see patches/README.md)
// and the React Router it wraps. The browser gets the ESM build, where Link is unchanged.
const require = createRequire(import.meta.url)
const { Link } = require(require.resolve('@remix-run/react')) as typeof RemixReact
const routerDom = require(require.resolve('react-router-dom')) as typeof RouterDom
const { StaticRouter } = require(
  require.resolve('react-router-dom/server'),
) as typeof RouterDomServer

type LinkProps = Record<string, unknown> & { to: string }

/** What Remix's Link rendered on the server before the patch: React Router's Link, marked for discovery. */
function unpatched({ to, prefetch: _prefetch, discover = 'render', ...props }: LinkProps) {
  const discovered =
    discover === 'render' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(to) && !props.reloadDocument
  return h(routerDom.Link, {
    ...props,
    to,
    'data-discover': discovered ? 'true' : undefined,
  } as never)
}

const render = (at: string, node: ReactNode, basename?: string) =>
  renderToString(h(StaticRouter, { location: at, basename }, node))

const cases: Array<[string, LinkProps]> = [
  ['a path', { to: '/challenges/12', children: 'Ljus på gångvägen' }],
  ['a query and a fragment', { to: '/challenges?sort=top&page=2#results', children: 'Nästa' }],
  ['a trailing slash', { to: '/me/', children: 'Mitt konto' }],
  ['a trailing slash before a query', { to: '/me/?tab=1', children: 'x' }],
  ['doubled slashes', { to: '//challenges', children: 'x' }],
  ['the root', { to: '/', className: 'brand', children: 'Utmana' }],
  ['a bare "?"', { to: '/challenges?', children: 'x' }],
  [
    'attributes of its own',
    {
      to: '/about',
      className: 'button',
      rel: 'next',
      title: 'Om',
      'aria-current': 'page',
      id: 'l',
      children: 'Om',
    },
  ],
  ['a target', { to: '/open-data', target: '_blank', rel: 'noopener', children: 'x' }],
  [
    'router-only props',
    {
      to: '/login?redirectTo=%2Fme',
      replace: true,
      state: { from: 1 },
      preventScrollReset: true,
      relative: 'path',
      children: 'Logga in',
    },
  ],
  ['reloadDocument', { to: '/me/data.json', reloadDocument: true, children: 'Ladda ner' }],
  ['discover="none"', { to: '/reports', discover: 'none', children: 'x' }],
  ['prefetch', { to: '/challenges/3', prefetch: 'intent', children: 'x' }],
  ['an absolute URL', { to: 'https://example.org/x', children: 'x' }],
  ['a relative path', { to: 'edit', children: 'Redigera' }],
]

describe('Link on the server (patch: a path renders as its anchor)', () => {
  it.each(cases)('renders %s exactly as React Router does', (_name, props) => {
    for (const at of ['/', '/challenges/7', '/me/']) {
      const expected = render(at, unpatched(props))
      expect(render(at, h(Link, props as never))).toBe(expected)
    }
  })

  it('renders under a basename as React Router does', () => {
    for (const to of ['/', '/challenges/12', '/me/']) {
      const props = { to, children: 'x' }
      expect(render('/utmana/about', h(Link, props), '/utmana')).toBe(
        render('/utmana/about', unpatched(props), '/utmana'),
      )
    }
  })
})
