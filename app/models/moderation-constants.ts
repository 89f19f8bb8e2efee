// Shared by the moderation models, forms and pages (no server code here).
import { CHALLENGE_STATUSES } from '~/models/challenge-constants'
export const HIDE_REASONS = [
  'spam',
  'offensive',
  'personal_data',
  'off_topic',
  'duplicate',
  'other',
] as const
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const MODERATOR_STATUSES = CHALLENGE_STATUSES
export const QUEUE_TABS = [
  'pending',
  'flagged',
  'unrouted',
  'overdue',
  'appeals',
  'disputes',
  'recent',
] as const
export const QUEUE_SORTS = ['age', 'newest', 'votes', 'flags'] as const
export const BULK_ACTIONS = ['approve', 'reject', 'hide', 'dismiss', 'route', 'status'] as const
/**
 * What the pending tab holds besides pending challenges: new comments, proposals and pledges
 * held for review, and edits of published challenges and proposals (pre-moderation).
 */
export const HELD_TYPES = [
  'comment',
  'solution',
  'pledge',
  'challenge_edit',
  'solution_edit',
] as const
