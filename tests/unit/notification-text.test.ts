import { describe, expect, it } from 'vitest'
import type { NotificationKind } from '#db/schema'
import { createTranslator } from '~/i18n-react'
import en from '~/locales/en.json'
import sv from '~/locales/sv.json'
import { getFixedT } from '~/services/i18n.server'
import {
  excerpt,
  notificationHref,
  notificationText,
  type NotificationPayloads,
} from '~/utils/notification-text'

// One example of every kind, with what the code that writes it stores.
const examples: {
  [K in NotificationKind]: { payload: NotificationPayloads[K]; sv: string; en: string }
} = {
  solution: {
    payload: { solutionId: 1 },
    sv: 'Maria föreslog en lösning',
    en: 'Maria proposed a solution',
  },
  pledge: { payload: { pledgeId: 1 }, sv: 'Maria antog utmaningen', en: 'Maria took it on' },
  progress: {
    payload: { pledgeId: 1 },
    sv: 'Maria rapporterade hur arbetet går',
    en: 'Maria reported progress',
  },
  comment: { payload: { commentId: 1 }, sv: 'Maria kommenterade', en: 'Maria commented' },
  status: {
    payload: { from: 'open', to: 'in_progress', message: 'Vi har börjat.' },
    sv: 'pågår nu: ”Vi har börjat.”',
    en: 'is now in progress: “Vi har börjat.”',
  },
  message: {
    payload: { message: 'Tack, vi tittar på det.' },
    sv: 'Moderatorerna skriver: ”Tack, vi tittar på det.”',
    en: 'The moderators write: “Tack, vi tittar på det.”',
  },
  official_response: {
    payload: {
      department: 'Stadsbyggnadsförvaltningen',
      excerpt: 'Vi bygger om hållplatsen i maj.',
    },
    sv: 'Stadsbyggnadsförvaltningen svarade officiellt: ”Vi bygger om hållplatsen i maj.”',
    en: 'Stadsbyggnadsförvaltningen answered officially: “Vi bygger om hållplatsen i maj.”',
  },
  merged: {
    payload: { intoId: 42, intoTitle: 'Kvällsbuss till hamnen' },
    sv: 'slogs ihop med ”Kvällsbuss till hamnen”, där den fortsätter',
    en: 'was merged into “Kvällsbuss till hamnen”, where it continues',
  },
  appeal_decided: {
    payload: { subject: 'comment', restored: false, note: 'Personangrepp.' },
    sv: 'Din överklagan avslogs: din kommentar förblir dold. Moderatorns kommentar: ”Personangrepp.”',
    en: 'Your appeal was rejected: your comment stays hidden. The moderator’s note: “Personangrepp.”',
  },
  dispute_decided: {
    payload: { upheld: true, note: 'Lampan är fortfarande trasig.' },
    sv: 'Din invändning mot ”löst” bifölls: utmaningen är öppen igen. Moderatorns kommentar: ”Lampan är fortfarande trasig.”',
    en: 'Your objection to “solved” was upheld: the challenge is open again. The moderator’s note: “Lampan är fortfarande trasig.”',
  },
  routed: {
    payload: { department: 'Gatukontoret' },
    sv: 'hanteras nu av Gatukontoret',
    en: 'is now handled by Gatukontoret',
  },
  assigned: {
    payload: { department: 'Gatukontoret' },
    sv: 'har tilldelats dig som kontaktperson på Gatukontoret',
    en: 'was assigned to you as the contact at Gatukontoret',
  },
  inbox: {
    payload: { department: 'Gatukontoret' },
    sv: 'har skickats till din förvaltning, Gatukontoret',
    en: 'was routed to your department, Gatukontoret',
  },
  pledge_done: {
    payload: { by: 'Hamnens Cykel AB' },
    sv: 'Hamnens Cykel AB meddelar att arbetet är klart. Är utmaningen löst?',
    en: 'Hamnens Cykel AB reports the work done. Is the challenge solved?',
  },
  fixed_question: {
    payload: {},
    sv: 'markerades som löst för en tid sedan. Är det fixat?',
    en: 'was marked solved a while ago. Is it fixed?',
  },
}

describe('notification texts', () => {
  const kinds = Object.keys(examples) as NotificationKind[]

  it.each(kinds)(
    'names what happened for %s, the same on the page and in mail, in both languages',
    async (kind) => {
      const example = examples[kind]
      const row = { kind, payload: JSON.stringify(example.payload), actor_name: 'Maria' }
      for (const locale of ['sv', 'en'] as const) {
        const page = createTranslator(locale, locale === 'sv' ? sv : en).t
        const mail = await getFixedT(locale)
        expect(notificationText(page, row)).toBe(example[locale])
        expect(notificationText(mail, row)).toBe(example[locale])
      }
    },
  )

  it('says who acted only when it is known, and reads rows written before the payloads', () => {
    const t = createTranslator('en', en).t
    expect(notificationText(t, { kind: 'comment', payload: '{}', actor_name: null })).toBe(
      'A new comment',
    )
    expect(notificationText(t, { kind: 'status', payload: '{"official":true}' })).toBe(
      'The municipality answered officially',
    )
    expect(notificationText(t, { kind: 'status', payload: '{}' })).toBe('new status')
    expect(notificationText(t, { kind: 'status', payload: 'not json' })).toBe('new status')
    expect(notificationText(t, { kind: 'status', payload: '{"from":"solved","to":"open"}' })).toBe(
      'is now open',
    )
  })

  it('leads a merge notice to the challenge it joined', () => {
    expect(notificationHref({ kind: 'merged', payload: '{"intoId":42}', challenge_id: 7 })).toBe(
      '/challenges/42',
    )
    expect(notificationHref({ kind: 'official_response', payload: '{}', challenge_id: 7 })).toBe(
      '/challenges/7#official',
    )
  })

  it('cuts long excerpts at a word', () => {
    expect(excerpt('kort text')).toBe('kort text')
    const long = excerpt('ord '.repeat(100))
    expect(long.length).toBeLessThanOrEqual(161)
    expect(long.endsWith('ord…')).toBe(true)
  })
})
