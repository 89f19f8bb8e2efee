import type { ReactNode } from 'react'

/**
 * The scrolling box around a table wider than the screen. It is a named region and takes focus
 * so that keyboard users can scroll it too; `labelledBy` is the id of the element naming it.
 */
export function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  )
}
