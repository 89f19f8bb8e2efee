import { describe, expect, it } from 'vitest'
import { csvResponse, csvText, textStream, type CsvCell } from '~/services/csv.server'

async function* each<T>(items: T[]) {
  for (const item of items) yield item
}

/** The downloaded bytes: Response.text() would silently drop the BOM, so decode by hand. */
async function bytesOf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

function download(rows: CsvCell[][], header = ['a', 'b']) {
  return csvResponse({ filename: 'test.csv', header, rows: each(rows) })
}

describe('csvText: RFC 4180', () => {
  it('ends every record with CRLF and quotes every text cell', () => {
    expect(
      csvText([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('"a","b"\r\n"c","d"\r\n')
  })

  it('quotes commas, doubles quotes and keeps line breaks inside a quoted cell', () => {
    expect(csvText([['x, y', 'say "hi"', 'line 1\nline 2', 'cr\r\nlf']])).toBe(
      '"x, y","say ""hi""","line 1\nline 2","cr\r\nlf"\r\n',
    )
  })

  it('writes null and undefined as empty cells and numbers as numbers', () => {
    expect(csvText([[1, null, undefined, 2.5, 0]])).toBe('1,,,2.5,0\r\n')
  })
})

describe('csvText: formula injection', () => {
  // What a spreadsheet would run gets a leading apostrophe; what it would read as a number,
  // a phone number or plain text is written as it is (docs/api.md, "Formulas in the CSV").
  it.each([
    // Always a formula: = and @, and a tab or CR that some readers strip before one.
    ['=1+1', `"'=1+1"`],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\tcmd', `"'\tcmd"`],
    ['\r=cmd', `"'\r=cmd"`],
    ['＝1+1', `"'＝1+1"`],
    ['＠SUM(1)', `"'＠SUM(1)"`],
    // + and - followed by a function call, a DDE link, a reference or a sum.
    ['+SUM(A1)', `"'+SUM(A1)"`],
    ["-cmd|' /C calc'!A0", `"'-cmd|' /C calc'!A0"`],
    ["+cmd|'/C notepad'!'A1'", `"'+cmd|'/C notepad'!'A1'"`],
    ['-HYPERLINK("http://evil.example")', `"'-HYPERLINK(""http://evil.example"")"`],
    ['+ sum (A1:A9)', `"'+ sum (A1:A9)"`],
    ['-A1', `"'-A1"`],
    ['+$B$2*3', `"'+$B$2*3"`],
    ['-Blad1!A1', `"'-Blad1!A1"`],
    ['-2+3', `"'-2+3"`],
    ['+1-1', `"'+1-1"`],
    ['-(1+2)', `"'-(1+2)"`],
    ['+46-70-1234567', `"'+46-70-1234567"`],
    ['－1+1', `"'－1+1"`],
    ['＋SUM(A1)', `"'＋SUM(A1)"`],
  ])('guards %j', (cell, expected) => {
    expect(csvText([[cell]])).toBe(`${expected}\r\n`)
  })

  it.each([
    // A number as text: a spreadsheet reads the same number, nothing runs.
    '-5',
    '+1',
    '-0,5',
    '-1.25',
    '+5%',
    '-1e3',
    // Phone numbers: digits with spaces or brackets are no formula.
    '+46 70 123 45 67',
    '+46 (0)70 123 45 67',
    '+46 (0)70-123 45 67',
    '+1 234,50',
    // Plain text after a sign: words, not a formula.
    '-2+3 grader',
    '- Bättre belysning vid busshållplatsen',
    '+ fler bussar på kvällen',
    '--- viktigt ---',
    '-Nej tack!',
    '+SUM',
    '-',
    '+',
  ])('leaves %j as written', (cell) => {
    expect(csvText([[cell]])).toBe(`"${cell}"\r\n`)
  })

  it('leaves numbers alone, negative ones too: they are data, not formulas', () => {
    expect(csvText([[-5, -0.5, 3]])).toBe('-5,-0.5,3\r\n')
  })

  it('leaves text that merely contains = + - @ alone', () => {
    expect(csvText([['a=b', 'x-y', 'mail@example.se', '1+1', ' =1+1']])).toBe(
      '"a=b","x-y","mail@example.se","1+1"," =1+1"\r\n',
    )
  })

  it("applies the same rule after ';', where Swedish Excel splits a row that starts with its id", () => {
    expect(
      csvText([
        [
          12,
          'Buss;=HYPERLINK("http://evil.example")',
          'a;-1+1',
          'a;-1',
          'a; -1',
          'Ring;+46 70 123 45 67',
          'x;@SUM(1);-A1',
        ],
      ]),
    ).toBe(
      `12,"Buss;'=HYPERLINK(""http://evil.example"")","a;'-1+1","a;-1","a; -1","Ring;+46 70 123 45 67","x;'@SUM(1);'-A1"\r\n`,
    )
  })
})

describe('csvResponse', () => {
  it('starts with a UTF-8 BOM, then the header, then the rows, with Swedish letters intact', async () => {
    const response = download([['Ökad belysning på Järnvägsgatan', 7]], ['Rubrik', 'Röster'])
    const { bytes, text } = await bytesOf(response)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text).toBe('\uFEFF"Rubrik","Röster"\r\n"Ökad belysning på Järnvägsgatan",7\r\n')
  })

  it('is a download of type text/csv with the given file name, without a length', () => {
    const response = download([])
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="test.csv"')
    expect(response.headers.get('Content-Length')).toBeNull()
  })

  it('cannot be made to inject a header through the file name', () => {
    const response = csvResponse({
      filename: 'a"\r\nSet-Cookie: x=1.csv',
      header: ['a'],
      rows: each([]),
    })
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="aSet-Cookiex1.csv"',
    )
  })

  it('neutralises formulas in the header too', async () => {
    const { text } = await bytesOf(download([], ['=cmd']))
    expect(text).toBe(`\uFEFF"'=cmd"\r\n`)
  })

  it('streams many rows in several chunks and reports the count at the end', async () => {
    let reported: number | undefined
    const rows = (async function* () {
      for (let i = 0; i < 5000; i++) yield [i, `rad ${i}`]
    })()
    const response = csvResponse({
      filename: 'x.csv',
      header: ['n', 'text'],
      rows,
      onDone: (n) => (reported = n),
    })
    const reader = response.body!.getReader()
    let chunks = 0
    let text = ''
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks++
      text += decoder.decode(value, { stream: true })
    }
    expect(chunks).toBeGreaterThan(1)
    const lines = text.split('\r\n')
    expect(lines).toHaveLength(5002)
    expect(lines[5000]).toBe('4999,"rad 4999"')
    expect(reported).toBe(5000)
  })

  it('reads rows only as the stream is pulled, and closes the source when cancelled', async () => {
    let produced = 0
    let closed = false
    const rows = (async function* () {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          produced++
          yield [i, 'x'.repeat(100)]
        }
      } finally {
        closed = true
      }
    })()
    const response = csvResponse({ filename: 'x.csv', header: ['n', 'x'], rows })
    const reader = response.body!.getReader()
    await reader.read()
    await reader.read()
    expect(produced).toBeLessThan(5000)
    await reader.cancel()
    expect(closed).toBe(true)
  })

  it('stops reading when the request is aborted', async () => {
    const controller = new AbortController()
    let closed = false
    const pieces = (async function* () {
      try {
        for (;;) yield 'x'.repeat(1000)
      } finally {
        closed = true
      }
    })()
    const reader = textStream(pieces, undefined, controller.signal).getReader()
    await reader.read()
    controller.abort()
    let done = false
    for (let i = 0; i < 5 && !done; i++) done = (await reader.read()).done
    expect(done).toBe(true)
    expect(closed).toBe(true)
  })
})
