import { randomUUID } from 'node:crypto'
import type { Transporter } from 'nodemailer'
import type { Locale } from '~/i18n'
import { getEnv, publicUrl } from '~/env.server'
import {
  CLAIM_LEASE_MS,
  claimDueMessages,
  insertOutboxMessage,
  markFailedAttempt,
  markSent,
  releaseClaims,
  type MailContent,
} from '~/models/outbox.server'
import { db, type Executor } from '~/db.server'
import { getFixedT } from '~/services/i18n.server'
import { log } from '~/services/log.server'

/** Retries wait 30 s, 1 min, 2 min … and give up after this many attempts. */
export const MAX_ATTEMPTS = 8
const BASE_DELAY_MS = 30_000

export type MailTemplate =
  | { name: 'passwordReset'; values: { name: string; url: string; minutes: number } }
  | { name: 'welcome'; values: { name: string; url: string } }
  | {
      name: 'accountExists'
      values: { name: string; email: string; login: string; url: string }
    }
  | { name: 'signInLink'; values: { name: string; url: string; minutes: number } }
  | { name: 'confirmEmail'; values: { name: string; url: string; days: number } }
  | { name: 'joinRequest'; values: { name: string; organisation: string; url: string } }
  | {
      name: 'postHidden' | 'photoHidden' | 'pledgeRejected' | 'editRejected'
      values: { name: string; title: string; reason: string; url: string }
    }
  | {
      name: 'notifications'
      values: {
        name: string
        count: number
        items: string
        url: string
        unsubscribe: string
        /** Picks the daily or weekly digest's wording (i18next context); none for "at once". */
        context?: 'daily' | 'weekly'
      }
    }

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * The site's own addresses in an escaped paragraph become links, so one-click answers ("is it
 * fixed?") are one click in HTML mail too. Other addresses stay text: mail quotes what people
 * wrote (titles, messages, answers), and a link someone typed must not look like ours.
 */
function linkify(escaped: string): string {
  const origin = publicUrl().origin
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) =>
    url === origin || url.startsWith(`${origin}/`) ? `<a href="${url}">${url}</a>` : url,
  )
}

/** A translated message with a plain-text part and a simple, escaped HTML part. */
export async function renderMail(template: MailTemplate, locale: Locale) {
  const t = await getFixedT(locale)
  const key = `mail.${template.name}`
  const values = template.values as Record<string, string | number>
  const subject = t(`${key}.subject`, values)
  const paragraphs = t(`${key}.body`, { ...values, returnObjects: true }) as unknown as string[]
  const action = t(`${key}.action`, values)
  const url = String(values.url)
  const signature = t('mail.signature')
  const unsubscribe = values.unsubscribe ? String(values.unsubscribe) : null
  const text = [
    ...paragraphs,
    `${action}: ${url}`,
    signature,
    ...(unsubscribe ? [`${t('mail.unsubscribeLink')}: ${unsubscribe}`] : []),
  ].join('\n\n')
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5">`,
    ...paragraphs.map((p) => `<p>${linkify(escapeHtml(p)).replace(/\n/g, '<br>')}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>`,
    `<p>${escapeHtml(signature)}</p>`,
    unsubscribe
      ? `<p><small><a href="${escapeHtml(unsubscribe)}">${escapeHtml(t('mail.unsubscribeLink'))}</a></small></p>`
      : '',
    '</body></html>',
  ].join('')
  return { subject, text, html }
}

/**
 * Writes the message to the outbox. Pass the action's transaction so the mail exists if and
 * only if the change that caused it was committed. Delivery happens afterwards.
 */
export async function queueMail(
  executor: Executor,
  to: string,
  template: MailTemplate,
  locale: Locale,
  headers?: Record<string, string>,
): Promise<number> {
  const content = await renderMail(template, locale)
  const mail: MailContent = { to, template: template.name, ...content, headers }
  return insertOutboxMessage(executor, mail)
}

let transporter: Transporter | null | undefined

/**
 * nodemailer is loaded only when SMTP_URL is set: a site that keeps its mail in the outbox (the
 * demo, a test) never pays its memory (about 12 MB).
 */
async function getTransporter(): Promise<Transporter | null> {
  if (transporter === undefined) {
    const url = getEnv().SMTP_URL
    transporter = url ? (await import('nodemailer')).default.createTransport(url) : null
  }
  return transporter
}

/** For tests that point SMTP_URL somewhere new. */
export function resetTransporter() {
  transporter?.close()
  transporter = undefined
}

let running: Promise<number> | null = null

/**
 * Sends what is due. Without SMTP_URL, messages stay readable in the outbox table and are
 * marked sent. Never rejects: a failure is logged and the next run tries again. Every process
 * may run it at any time: each message is claimed before it is sent (see claimDueMessages).
 */
export function deliverOutbox(now = new Date()): Promise<number> {
  running ??= deliverDueMessages({ now })
    .catch((error: unknown) => {
      log.error('outbox_failed', { error: String(error) })
      return 0
    })
    .finally(() => {
      running = null
    })
  return running
}

/** What delivery needs of a nodemailer transport. */
export type MailTransport = Pick<Transporter, 'sendMail'>

/**
 * One delivery run: claims up to `limit` due messages and sends them. `executor` and
 * `transport` default to the app's database and SMTP_URL's transport (null: keep the mail in
 * the outbox); tests pass their own to play several processes.
 */
export async function deliverDueMessages(
  options: {
    executor?: Executor
    now?: Date
    transport?: MailTransport | null
    limit?: number
    leaseMs?: number
  } = {},
): Promise<number> {
  const executor = options.executor ?? db
  const now = options.now ?? new Date()
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS
  const token = randomUUID()
  const due = await claimDueMessages(executor, { now, token, limit: options.limit, leaseMs })
  if (due.length === 0) return 0
  const smtp = options.transport === undefined ? await getTransporter() : options.transport
  const started = Date.now()
  let sent = 0
  for (const message of due) {
    // A send may hang for minutes (nodemailer waits up to 10 min on a silent socket): once half
    // the lease is gone, the rest is given back rather than sent near or past the claim's end,
    // when another process may already be sending it.
    if (Date.now() - started > leaseMs / 2) {
      await releaseClaims(executor, token)
      log.warn('outbox_claims_released', { remaining: due.length - due.indexOf(message) })
      break
    }
    try {
      if (smtp) {
        await smtp.sendMail({
          from: getEnv().MAIL_FROM,
          to: message.to_address,
          subject: message.subject,
          text: message.text_body,
          html: message.html_body,
          headers: {
            // Machine-written (RFC 3834): out-of-office replies and other robots stay silent.
            'Auto-Submitted': 'auto-generated',
            ...(message.headers ? (JSON.parse(message.headers) as Record<string, string>) : {}),
          },
        })
      } else {
        // The body may hold a reset link: it stays in the outbox table, not in the log.
        log.info('mail_kept_in_outbox', { id: message.id, template: message.template })
      }
      if (await markSent(executor, message.id, token)) sent++
      else log.warn('mail_claim_lapsed', { id: message.id })
    } catch (error) {
      const attempts = message.attempts + 1
      const next =
        attempts >= MAX_ATTEMPTS
          ? null
          : new Date(now.getTime() + BASE_DELAY_MS * 2 ** (attempts - 1))
      const recorded = await markFailedAttempt(executor, message.id, token, {
        attempts,
        error: String(error),
        next,
      })
      log.warn('mail_failed', { id: message.id, attempts, error: String(error) })
      if (!recorded) log.warn('mail_claim_lapsed', { id: message.id })
    }
  }
  return sent
}
