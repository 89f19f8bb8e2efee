/** What can be flagged, hidden by a moderator and appealed: the posts, and a single photo. */
export const FLAG_SUBJECTS = ['challenge', 'solution', 'comment', 'photo'] as const

export const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'other'] as const

/**
 * The key the challenge action answers a refused flag with, so only the form of the post that
 * was reported opens with its errors (a page holds one flag form per post).
 */
export const flagIntentKey = (subjectType: string, subjectId: string | number) =>
  `flag:${subjectType}:${subjectId}`
