// The keys a triage reply carries when one intent has a form per row, shared by the action
// (which answers with it) and the section that shows the answer under the right row.

/** Hide, restore and the auto-hidden decision: one form per post. */
export const postFormKey = (subjectType: string, subjectId: string | number) =>
  `post-${subjectType}-${subjectId}`

/** Appeals and disputes: one form per row. */
export const triageFormKey = (kind: 'appeal' | 'dispute', id: string | number) => `${kind}-${id}`
