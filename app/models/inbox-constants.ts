// Shared by the department inbox's model and page (no server code here).
/** The inbox's views: everything open for my departments, mine only, overdue, answered. */
export const INBOX_VIEWS = ['department', 'mine', 'overdue', 'answered'] as const
export type InboxView = (typeof INBOX_VIEWS)[number]
