import { db } from '~/db.server'
import type { Executor } from '~/db.server'

/** Every setting with its default; the admin issue adds the editing UI. */
export const SETTING_DEFAULTS = {
  boardName: 'Utmana',
  townName: 'Sjöhamn',
  contactEmail: 'utmana@example.se',
  preModeration: false,
  quarantineNewAccounts: false,
  autoHideThreshold: 3,
  slaDays: 14,
}

export type Settings = typeof SETTING_DEFAULTS
export type SettingKey = keyof Settings

export async function getSettings(): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
  const settings: Record<string, unknown> = { ...SETTING_DEFAULTS }
  for (const row of rows) {
    if (row.key in SETTING_DEFAULTS) settings[row.key] = JSON.parse(row.value)
  }
  return settings as Settings
}

export async function setSetting<K extends SettingKey>(
  executor: Executor,
  key: K,
  value: Settings[K],
) {
  const now = new Date().toISOString()
  await executor
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }),
    )
    .execute()
}
