import { expect } from 'vitest'
import type { Client } from './http'

/** The admin settings form as the demo town fills it; tests change only what they are about. */
export const SETTINGS_FORM = {
  autoHideThreshold: '3',
  slaDays: '14',
  fixedQuestionDays: '14',
  boardName: 'Utmana',
  townName: 'Sjöhamn',
  contactEmail: 'utmana@example.se',
}

/** Saves the settings through /admin/settings as `admin` (the form, not the model: a real save). */
export async function saveSettings(admin: Client, changes: Record<string, string> = {}) {
  const response = await admin.post('/admin/settings', { ...SETTINGS_FORM, ...changes })
  expect(response.status).toBe(302)
}
