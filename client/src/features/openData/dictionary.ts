// The columns the data dictionary explains, in file order (server/openData/export.ts writes them as
// snake_case in CSV and camelCase in JSON Lines and the API; the dictionary names both).
export const COMPLAINT_FIELDS = [
  'id',
  'merchantId',
  'merchantName',
  'storeId',
  'storeName',
  'cityCode',
  'countyCode',
  'category',
  'problemType',
  'demand',
  'outcome',
  'remedyStatus',
  'filedOn',
  'closedOn',
  'publishedAt',
  'merchantComment',
  'description',
] as const;

export const FIGURE_KEY_FIELDS = ['level', 'key', 'name', 'nameEn'] as const;
