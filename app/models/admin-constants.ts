// Shared by the admin model and pages (no server code here).
export const ADMIN_LIST_LIMIT = 200
