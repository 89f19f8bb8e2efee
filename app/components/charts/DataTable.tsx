import { useId, type ReactNode } from 'react'
import { ScrollTable } from '~/components/ScrollTable'

export interface Column {
  key: string
  label: string
  numeric?: boolean
}

export interface Cell {
  /** The machine-readable number (data-value); null when there is none. */
  value?: number | string | null
  text: ReactNode
}

/**
 * The numbers a chart draws, as a table: a caption, column headers, a row header per row, and
 * each cell's raw value in data-value (for tests and scripts).
 */
export function DataTable({
  caption,
  rowHeader,
  columns,
  rows,
  id,
}: {
  caption: ReactNode
  rowHeader: string
  columns: Column[]
  rows: Array<{ key: string | number; header: ReactNode; headerValue?: string; cells: Cell[] }>
  id?: string
}) {
  const captionId = useId()
  return (
    <ScrollTable labelledBy={captionId}>
      <table className="data-table" id={id}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.headerValue ?? row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, i) => (
                <td
                  key={columns[i]!.key}
                  data-column={columns[i]!.key}
                  data-value={cell.value ?? ''}
                  className={columns[i]!.numeric ? 'num' : undefined}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  )
}
