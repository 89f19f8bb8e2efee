// The open-data dump's fields, written once (plain module: the /open-data page documents them,
// and app/models/open-data-dump.server.ts writes the CSV from them).

/**
 * Each field of the dump, in order, as the /open-data page documents it, with the CSV columns it
 * is spread over when that is not the one column of its own name.
 */
export const OPEN_DATA_FIELDS = [
  { field: 'id' },
  { field: 'title' },
  { field: 'summary' },
  { field: 'status' },
  { field: 'category', columns: ['category', 'category_name_sv', 'category_name_en'] },
  { field: 'area', columns: ['area', 'area_name_sv', 'area_name_en'] },
  { field: 'poster_kind' },
  { field: 'organisation', columns: ['organisation', 'organisation_name'] },
  { field: 'votes' },
  { field: 'solutions' },
  { field: 'pledges' },
  { field: 'created_at' },
  { field: 'updated_at' },
  { field: 'solved_at' },
  { field: 'solved_by' },
  { field: 'url' },
  // Added with photos and place (issue 13) at the end, so earlier columns keep their places.
  { field: 'place', columns: ['place_text', 'lat', 'lng'] },
  // photo_urls: the page-size JPEGs, one a line; photo_alt_texts: theirs, in the same order.
  { field: 'photos', columns: ['photo_urls', 'photo_alt_texts'] },
] as const satisfies readonly { field: string; columns?: readonly string[] }[]

/** The CSV's header row: every field's columns, in order. */
export const DUMP_CSV_COLUMNS = OPEN_DATA_FIELDS.flatMap((f) =>
  'columns' in f ? f.columns : [f.field],
)
