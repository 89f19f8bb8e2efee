import type { Insertable } from 'kysely'
import type { Database } from '#db/schema'
import type { Executor } from '~/db.server'

/** The table keeping each kind's revisions, and its column naming the revised post. */
const REVISIONS = {
  challenge: { table: 'challenge_revisions', subject: 'challenge_id' },
  solution: { table: 'solution_revisions', subject: 'solution_id' },
} as const
type RevisionKind = keyof typeof REVISIONS
type RevisionTable<K extends RevisionKind> = Database[(typeof REVISIONS)[K]['table']]

/** The revised text itself: the columns of a revision that saveRevision does not set. */
type RevisionText<K extends RevisionKind> = Omit<
  Insertable<RevisionTable<K>>,
  'id' | (typeof REVISIONS)[K]['subject'] | 'editor_id' | 'review' | 'created_at'
>

/**
 * Saves a revision of a challenge or proposal; earlier ones stay. With `review` it waits for a
 * moderator and `apply` (making the text public) is not called. A reviewed edit, and
 * `replacesPending` (the author's form started from the waiting one), supersede an edit still
 * waiting.
 */
export async function saveRevision<K extends RevisionKind>(
  trx: Executor,
  kind: K,
  subjectId: number,
  edit: { editorId: number; review?: boolean; replacesPending?: boolean },
  text: RevisionText<K>,
  apply: (now: string) => Promise<void>,
): Promise<'applied' | 'pending'> {
  // One statement for both kinds: the tables differ only in the subject column's name.
  const table = REVISIONS[kind].table as 'solution_revisions'
  const subject = REVISIONS[kind].subject as 'solution_id'
  const now = new Date().toISOString()
  if (edit.review || edit.replacesPending) {
    await trx
      .updateTable(table)
      .set({ review: 'superseded' })
      .where(subject, '=', subjectId)
      .where('review', '=', 'pending')
      .execute()
  }
  if (!edit.review) await apply(now)
  await trx
    .insertInto(table)
    .values({
      [subject]: subjectId,
      editor_id: edit.editorId,
      ...text,
      review: edit.review ? 'pending' : null,
      created_at: now,
    } as Insertable<Database['solution_revisions']>)
    .execute()
  return edit.review ? 'pending' : 'applied'
}
