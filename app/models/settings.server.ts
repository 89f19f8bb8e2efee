import { databaseVersionNow, db, transaction } from '~/db.server'
import type { Executor } from '~/db.server'
import type { AdminActor } from '~/models/admin-constants'
import { recordAudit } from '~/models/audit.server'

/** Every setting with its default; the admin issue adds the editing UI. */
export const SETTING_DEFAULTS = {
  boardName: 'Utmana',
  townName: 'Sjöhamn',
  contactEmail: 'utmana@example.se',
  preModeration: false,
  quarantineNewAccounts: false,
  autoHideThreshold: 3,
  slaDays: 14,
  /** Days after "solved" before its author, voters and followers are asked "is it fixed?". */
  fixedQuestionDays: 14,
  /**
   * Sign-up limits over 24 hours (rate-limit.server.ts, SIGNUP_LIMITS; README, Operations).
   * Unconfirmed sign-ups from one address: a room of 30 to 40 people behind one public address
   * can sign up in one evening even if nobody confirms at once, and each confirmation frees a
   * place; a script making throwaway accounts stops at the 41st.
   */
  signupsPendingPerAddress: 40,
  /** The same over the address's network (IPv4 /24, IPv6 /48): a few rooms, not a botnet. */
  signupsPendingPerNetwork: 100,
  /** Every sign-up from one address, confirmed or not: the ceiling for self-confirming scripts. */
  signupsPerAddressPerDay: 150,
  /**
   * The town's bounding box in degrees (WGS 84): coordinates outside it are refused, and the
   * board's map opens on it. The defaults frame the demo town.
   */
  boundsSouth: 55.9,
  boundsWest: 12.45,
  boundsNorth: 56.2,
  boundsEast: 12.95,
}

export type Settings = typeof SETTING_DEFAULTS
export type SettingKey = keyof Settings

// Read on nearly every request and changed only by admins: kept for a few seconds, and
// forgotten at once when this process writes a setting. On SQLite also only while the database
// version holds (free to read there): a change by another process, or one read between the
// forgetting and the commit, never outlives the next write, so a page kept until a write (the
// page cache's members' pages) never shows settings older than its version.
let cached: { at: number; version: string | null; settings: Promise<Settings> } | null = null
const CACHE_MS = 5_000

/** The stored settings over the defaults. */
async function readSettings(executor: Executor): Promise<Settings> {
  const rows = await executor.selectFrom('settings').select(['key', 'value']).execute()
  const values: Record<string, unknown> = { ...SETTING_DEFAULTS }
  for (const row of rows) {
    if (row.key in SETTING_DEFAULTS) values[row.key] = JSON.parse(row.value)
  }
  return values as Settings
}

export function getSettings(): Promise<Settings> {
  const version = databaseVersionNow()
  if (cached && Date.now() - cached.at < CACHE_MS && cached.version === version)
    return cached.settings
  const settings = readSettings(db)
  cached = { at: Date.now(), version, settings }
  settings.catch(() => (cached = null))
  return settings
}

export function forgetSettings() {
  cached = null
}

export async function setSetting<K extends SettingKey>(
  executor: Executor,
  key: K,
  value: Settings[K],
) {
  const now = new Date().toISOString()
  forgetSettings()
  await executor
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }),
    )
    .execute()
}

/**
 * Saves the settings form: only the keys whose value changed are written, with one audit row
 * holding their old and new values. Returns the changed keys.
 */
export async function updateSettings(
  values: { [K in keyof Settings]?: Settings[K] },
  actor: AdminActor,
): Promise<string[]> {
  return transaction(async (trx) => {
    // Read inside the transaction (getSettings uses the shared handle, which waits for us).
    const current: Record<string, unknown> = await readSettings(trx)

    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const key of Object.keys(SETTING_DEFAULTS) as Array<keyof Settings>) {
      const value = values[key]
      // A setting the form did not send keeps its value.
      if (value === undefined || current[key] === value) continue
      before[key] = current[key]
      after[key] = value
      await setSetting(trx, key, value)
    }
    const changed = Object.keys(after)
    if (changed.length) {
      await recordAudit(trx, {
        actorId: actor.actorId,
        action: 'admin.settings.update',
        subjectType: 'settings',
        before,
        after,
        ip: actor.ip,
      })
    }
    return changed
  })
}
