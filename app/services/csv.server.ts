import { stringify } from 'csv-stringify/sync'

/**
 * CSV files for spreadsheets: UTF-8 with a byte order mark (so Excel reads å, ä, ö), CRLF line
 * ends and RFC 4180 quoting (a cell with a comma, quote or line break is quoted, quotes doubled).
 *
 * Formula injection (OWASP "CSV Injection"): a text cell that a spreadsheet would run as a
 * formula gets a leading apostrophe, so it is shown as text (`formulaGuard`, rule and examples
 * in docs/api.md). Only text cells: numbers stay numbers, so -5 in a number column is still -5.
 * Callers therefore pass counts and durations as `number`, never as preformatted strings.
 */
export type CsvCell = string | number | null | undefined

const OPTIONS = {
  record_delimiter: 'windows',
  // Without this, a custom record_delimiter turns off quoting of a bare LF or CR inside a cell
  // (csv-stringify 6.9: it defaults to !record_delimiter), and such a cell would split a row.
  quote_record_delimiter: true,
  // Not csv-stringify's `escape_formulas`: it also marks "+46 70 123 45 67" and "-2+3 grader",
  // and LibreOffice then shows the apostrophe (its CSV import keeps a leading ' as text).
  // Every text cell quoted: Swedish Excel splits unquoted cells at ';' (its list separator), which
  // would let a cell like 'Buss;=HYPERLINK(…)' start a formula after the first-character check.
  quoted_string: true,
  // Default casting: numbers via String(), null/undefined as an empty cell.
} as const

const BOM = '\uFEFF'
/** Flush to the network about this often; a row is a few hundred bytes. */
const CHUNK_CHARS = 64 * 1024

// Always a formula (or a character some readers strip before one): = @ tab CR, and the
// full-width = and @ that some Excel versions read as the ASCII ones.
const ALWAYS = /^[=@\t\r\uFF1D\uFF20]/
const SIGN = /^[+\-\uFF0B\uFF0D]/
// A number as text ("-5", "+0,5", "-1e3", "+5%"): a spreadsheet reads the same number.
const NUMBER = /^\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?%?$/
// What lets a formula reach outside its cell: a function call (a name, then "("), a DDE link
// ("cmd|'…'!A0"), another sheet or file ("Blad1!A1", "[bok.xlsx]Blad1!A1").
const ACTIVE = /[\p{L}_\\][\p{L}\p{N}_.]*\s*\(|\||![$'\p{L}\p{N}_#]/u
// A reference to another cell or range: A1, $B$2, XFD1048576, R1C1, A:C.
const REFERENCE =
  /(?<![\p{L}\p{N}_.$])(?:\$?[A-Za-z]{1,3}\$?\d+|R\d+C\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\p{L}\p{N}_.(])/u
const TOKEN = /\s+|\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?|[-+*/^&%()]/gy

/**
 * Whether a spreadsheet would compute `text` (what follows a leading + or -) as arithmetic:
 * numbers, operators and brackets and nothing else, each number separated from the next by
 * an operator. "46 70 123" (a phone number) is not: Excel cannot parse two numbers in a row.
 */
function isArithmetic(text: string): boolean {
  let operand = true // expecting a number or "("
  let depth = 0
  TOKEN.lastIndex = 0
  let index = 0
  while (index < text.length) {
    const match = TOKEN.exec(text)
    if (!match) return false
    index = TOKEN.lastIndex
    const token = match[0]
    if (/^\s/.test(token)) continue
    if (/^\d/.test(token) || token === '(') {
      if (!operand) return false
      if (token === '(') depth++
      else operand = false
    } else if (token === ')') {
      if (operand || --depth < 0) return false
    } else if (token === '%') {
      if (operand) return false
    } else if (token === '+' || token === '-') {
      operand = true // unary when an operand was expected, else binary
    } else {
      if (operand) return false
      operand = true
    }
  }
  return !operand && depth === 0
}

/**
 * Whether a spreadsheet would run a text cell as a formula. `=`, `@`, tab and CR always; `+`
 * and `-` only when what follows calls a function, links (DDE), refers to another cell, sheet or
 * file, or is a sum: "+SUM(A1)", "-cmd|' /C calc'!A0", "-A1", "-2+3". A number ("-5"), a phone
 * number ("+46 70 123 45 67") or words ("-2+3 grader", "- Bättre belysning") are left as written.
 */
export function isFormula(text: string): boolean {
  if (ALWAYS.test(text)) return true
  if (!SIGN.test(text)) return false
  const rest = text.slice(1)
  if (NUMBER.test(rest)) return false
  return ACTIVE.test(rest) || REFERENCE.test(rest) || isArithmetic(rest)
}

// Swedish Excel splits a line at ';' even inside a field that does not start with a quote (a
// row begins with its numeric id), so a formula may start after any ';' in a text cell too.
const formulaGuard = (cell: CsvCell) =>
  typeof cell === 'string'
    ? cell
        .split(';')
        .map((part) => (isFormula(part) ? `'${part}` : part))
        .join(';')
    : cell

/** Rows as CSV text (each line ending in CRLF), without the BOM. */
export function csvText(rows: CsvCell[][]): string {
  return rows.length
    ? stringify(
        rows.map((row) => row.map(formulaGuard)),
        OPTIONS,
      )
    : ''
}

/** `utmana-challenges.csv` style names only: anything else in a header value is dropped. */
function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '') || 'export.csv'
}

/** The reader went away before the end: not an error worth a log line at error level. */
export class DownloadCancelled extends Error {
  constructor() {
    super('download cancelled')
  }
}

/**
 * A byte stream over text pieces, read only as fast as the stream is pulled; small pieces are
 * joined to ~64 KB chunks. If the reader goes away, the source is closed (its `finally` blocks
 * run). `onDone` hears once of the end: no argument when complete, else the error or reason.
 */
export function textStream(
  pieces: AsyncIterable<string>,
  onDone?: (error?: unknown) => void,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = pieces[Symbol.asyncIterator]()
  let finished = false
  const finish = (error?: unknown) => {
    if (finished) return
    finished = true
    onDone?.(error)
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // The client went away (Remix aborts the request): stop reading the database.
      if (signal?.aborted) {
        finish(new DownloadCancelled())
        await iterator.return?.()
        controller.close()
        return
      }
      try {
        let text = ''
        while (text.length < CHUNK_CHARS) {
          const next = await iterator.next()
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text))
            controller.close()
            finish()
            return
          }
          text += next.value
        }
        controller.enqueue(encoder.encode(text))
      } catch (error) {
        finish(error)
        controller.error(error)
      }
    },
    async cancel() {
      finish(new DownloadCancelled())
      await iterator.return?.()
    },
  })
}

/** The CSV text of a header and rows: BOM and header first, then rows 200 at a time. */
async function* csvPieces(
  header: string[],
  rows: AsyncIterable<CsvCell[]>,
  counter: { n: number },
) {
  yield BOM + csvText([header])
  let batch: CsvCell[][] = []
  for await (const row of rows) {
    batch.push(row)
    counter.n++
    if (batch.length >= 200) {
      yield csvText(batch)
      batch = []
    }
  }
  if (batch.length) yield csvText(batch)
}

/**
 * A streamed CSV download: the header row, then the rows as the iterable yields them. Nothing
 * is collected in memory beyond one ~64 KB chunk; the next rows are read only when the stream
 * is pulled.
 */
export function csvResponse(input: {
  filename: string
  header: string[]
  rows: AsyncIterable<CsvCell[]>
  headers?: Record<string, string>
  /** The request's signal: when the client disconnects, reading stops. */
  signal?: AbortSignal
  /** Called once at the end with the number of data rows sent, and the error if it broke off. */
  onDone?: (rowCount: number, error?: unknown) => void
}): Response {
  const counter = { n: 0 }
  const body = textStream(
    csvPieces(input.header, input.rows, counter),
    (error) => input.onDone?.(counter.n, error),
    input.signal,
  )
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(input.filename),
      ...input.headers,
    },
  })
}

/** A Content-Disposition value; the name is reduced to letters, digits, dot, dash, underscore. */
export function attachment(filename: string): string {
  return `attachment; filename="${safeFilename(filename)}"`
}
