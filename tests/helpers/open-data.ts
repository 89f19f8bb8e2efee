/** The fields of a challenge in the open-data API's list (and, with more, in the dumps). */
export const OPEN_DATA_LIST_FIELDS = [
  'id',
  'title',
  'summary',
  'status',
  'category',
  'area',
  'poster_kind',
  'organisation',
  'votes',
  'solutions',
  'pledges',
  'created_at',
  'updated_at',
  'url',
  'place',
  'photos',
]
