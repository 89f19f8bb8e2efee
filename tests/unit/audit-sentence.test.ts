import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTranslator } from '~/i18n-react'
import en from '~/locales/en.json'
import sv from '~/locales/sv.json'
import {
  describeAudit,
  emptyAuditNames,
  KNOWN_AUDIT_ACTIONS,
  type AuditNames,
  type AuditRow,
} from '~/utils/audit-sentence'

const svT = createTranslator('sv', sv).t
const enT = createTranslator('en', en).t

const names: AuditNames = {
  ...emptyAuditNames(),
  users: { 7: 'Göran Grön', 8: 'Anna Andersson' },
  organisations: { 3: 'Planeringsavdelningen' },
  challenges: { 1: 'Ingen kvällsbuss till hamnen', 2: 'Bussar till hamnen' },
  postChallenges: { 'comment:12': 1, 'solution:4': 1 },
  categories: { 5: { name_sv: 'Mobilitet', name_en: 'Mobility' } },
  areas: { 6: { name_sv: 'Hamnen', name_en: 'The harbour' } },
}

const row = (overrides: Partial<AuditRow>): AuditRow => ({
  action: 'challenge.status',
  subject_type: 'challenge',
  subject_id: 1,
  before: null,
  after: null,
  reason: null,
  actor_name: 'Maria',
  ...overrides,
})
const both = (r: AuditRow) => ({
  sv: describeAudit(r, names, svT, 'sv'),
  en: describeAudit(r, names, enT, 'en'),
})

describe('audit sentences', () => {
  it('says who routed what to which department and contact', () => {
    expect(
      both(
        row({
          action: 'challenge.route',
          before: JSON.stringify({ departmentId: null, contactUserId: null }),
          after: JSON.stringify({ departmentId: 3, contactUserId: 7 }),
        }),
      ),
    ).toEqual({
      sv: 'Maria fördelade utmaningen ”Ingen kvällsbuss till hamnen” till Planeringsavdelningen, kontaktperson Göran Grön',
      en: 'Maria routed the challenge “Ingen kvällsbuss till hamnen” to Planeringsavdelningen, contact Göran Grön',
    })
  })

  it('says a status change in words, with the public message', () => {
    expect(
      both(
        row({
          action: 'challenge.status',
          before: JSON.stringify({ status: 'open' }),
          after: JSON.stringify({ status: 'in_progress' }),
          reason: 'Vi tittar på det.',
        }),
      ),
    ).toEqual({
      sv: 'Maria ändrade status för utmaningen ”Ingen kvällsbuss till hamnen” från öppen till pågår: ”Vi tittar på det.”',
      en: 'Maria changed the status of the challenge “Ingen kvällsbuss till hamnen” from open to in progress: “Vi tittar på det.”',
    })
  })

  it('names hidden comments with their challenge and the reason; the system as actor', () => {
    expect(
      both(
        row({
          action: 'comment.hide',
          subject_type: 'comment',
          subject_id: 12,
          after: JSON.stringify({ hidden: true, reason: 'offensive' }),
          reason: 'offensive',
        }),
      ),
    ).toEqual({
      sv: 'Maria dolde kommentar nr 12 på ”Ingen kvällsbuss till hamnen”: kränkande eller hotfullt innehåll',
      en: 'Maria hid comment no. 12 on “Ingen kvällsbuss till hamnen”: offensive or threatening content',
    })
    expect(
      both(
        row({
          action: 'solution.auto_hide',
          subject_type: 'solution',
          subject_id: 4,
          actor_name: null,
          after: JSON.stringify({ hidden: true, flags: 3 }),
          reason: 'auto_flags',
        }),
      ),
    ).toEqual({
      sv: 'Lösningsförslag nr 4 på ”Ingen kvällsbuss till hamnen” doldes automatiskt efter 3 anmälningar',
      en: 'Proposed solution no. 4 on “Ingen kvällsbuss till hamnen” was hidden automatically after 3 reports',
    })
  })

  it('uses plural rules for counts', () => {
    const dismiss = (n: number) =>
      both(row({ action: 'flags.dismiss', after: JSON.stringify({ dismissed: n }) }))
    expect(dismiss(1).sv).toContain('avfärdade 1 anmälan om')
    expect(dismiss(2).sv).toContain('avfärdade 2 anmälningar om')
    expect(dismiss(1).en).toContain('dismissed 1 report on')
    expect(dismiss(2).en).toContain('dismissed 2 reports on')
  })

  it('names merges, recategorisations, roles and suspensions', () => {
    expect(
      both(row({ action: 'challenge.merge', after: JSON.stringify({ mergedInto: 2 }) })).en,
    ).toBe(
      'Maria merged the challenge “Ingen kvällsbuss till hamnen” into the challenge “Bussar till hamnen”',
    )
    expect(
      both(
        row({
          action: 'challenge.recategorise',
          after: JSON.stringify({ categoryId: 5, areaId: 6 }),
        }),
      ),
    ).toEqual({
      sv: 'Maria flyttade utmaningen ”Ingen kvällsbuss till hamnen” till kategorin Mobilitet och området Hamnen',
      en: 'Maria moved the challenge “Ingen kvällsbuss till hamnen” to the category Mobility and the area The harbour',
    })
    expect(
      both(
        row({
          action: 'admin.user.role',
          subject_type: 'user',
          subject_id: 8,
          before: JSON.stringify({ role: 'member' }),
          after: JSON.stringify({ role: 'moderator' }),
        }),
      ).sv,
    ).toBe('Maria ändrade rollen för Anna Andersson från medlem till moderator')
    expect(
      both(
        row({
          action: 'user.ban',
          subject_type: 'user',
          subject_id: 8,
          after: JSON.stringify({ bannedUntil: '2026-12-24T12:00:00.000Z' }),
          reason: 'Hot mot andra',
        }),
      ),
    ).toEqual({
      sv: 'Maria stängde av Anna Andersson till 24 december 2026: ”Hot mot andra”',
      en: 'Maria suspended Anna Andersson until 24 December 2026: “Hot mot andra”',
    })
  })

  it('falls back to a readable sentence for an unknown action and survives bad JSON', () => {
    const unknown = both(row({ action: 'challenge.teleport', before: '{not json', after: '[1,2]' }))
    expect(unknown.sv).toBe(
      'Maria gjorde en ändring (challenge teleport) som gäller utmaningen ”Ingen kvällsbuss till hamnen”',
    )
    expect(unknown.en).toBe(
      'Maria made a change (challenge teleport) to the challenge “Ingen kvällsbuss till hamnen”',
    )
    // A subject that is gone is named, not printed as a code.
    expect(both(row({ action: 'challenge.note', subject_id: 99 })).en).toBe(
      'Maria wrote an internal note about challenge no. 99',
    )
  })

  it('has a sentence of its own in both languages for every action the app records', () => {
    for (const action of KNOWN_AUDIT_ACTIONS) {
      const [kind] = action.split('.')
      const subjectType = ['challenge', 'comment', 'solution', 'user', 'organisation'].includes(
        kind!,
      )
        ? kind!
        : 'challenge'
      const r = row({
        action,
        subject_type: subjectType,
        after: JSON.stringify({ departmentId: 3, status: 'open', role: 'member', reason: 'spam' }),
        before: JSON.stringify({ status: 'pending', role: 'member' }),
      })
      for (const [language, t] of [
        ['sv', svT],
        ['en', enT],
      ] as const) {
        const sentence = describeAudit(r, names, t, language)
        const fallback = t('audit.unknown', {
          actor: 'Maria',
          subject: '',
          action: action.replace(/[._]+/g, ' '),
        }).split(' (')[0]
        expect(sentence, `${language} ${action}`).not.toContain('audit.')
        expect(sentence, `${language} ${action}`).not.toContain('{{')
        expect(sentence, `${language} ${action}`).not.toContain(action)
        expect(sentence.startsWith(`${fallback} (`), `${language} ${action}`).toBe(false)
      }
    }
  })

  it('knows every action string recorded in the code', () => {
    // Literal actions in recordAudit calls (templates are listed by hand in KNOWN_AUDIT_ACTIONS).
    const files = ['app', 'scripts', 'db/seed'].flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(dir, f)),
    )
    const recorded = new Set<string>()
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8')
      if (!/recordAudit|insertInto\('audit_log'\)/.test(text)) continue
      for (const m of text.matchAll(/\baction: '([a-z_.]+)'/g)) recorded.add(m[1]!)
      for (const m of text.matchAll(/\baudit\(\s*'([a-z_.]+)'/g)) recorded.add(m[1]!)
      for (const m of text.matchAll(/'([a-z_]+\.[a-z_.]+)' : '([a-z_]+\.[a-z_.]+)'/g)) {
        recorded.add(m[1]!)
        recorded.add(m[2]!)
      }
    }
    expect(recorded.size).toBeGreaterThan(20)
    const known = new Set<string>(KNOWN_AUDIT_ACTIONS)
    expect([...recorded].filter((a) => !known.has(a))).toEqual([])
  })
})
