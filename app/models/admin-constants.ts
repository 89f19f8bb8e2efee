// Shared by the admin model and pages (no server code here).
export const ADMIN_LIST_LIMIT = 200

/** Who changes something on the admin pages, for the audit row. */
export interface AdminActor {
  actorId: number
  ip?: string | null
}
