import { describe, expect, it } from 'vitest'
import { safeRedirect } from '~/services/redirect'

describe('safeRedirect', () => {
  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/.//evil.example',
    '/a/..//evil.example',
    '/%2E//evil.example',
    '/./%2F/evil.example',
    'javascript:alert(1)',
    ' /x',
    '/\tx',
    '',
    null,
    undefined,
  ])('sends %j home', (to) => {
    expect(safeRedirect(to)).toBe('/')
  })

  it.each([
    ['/me', '/me'],
    ['/challenges?status=open&page=2', '/challenges?status=open&page=2'],
    ['/login#top', '/login#top'],
  ])('keeps the local path %s', (to, expected) => {
    expect(safeRedirect(to)).toBe(expected)
  })
})
