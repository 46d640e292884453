// The one way a CSV cell leaves the server. Excel and WPS run a cell that starts with = + - @, a tab
// or a carriage return as a formula (CSV injection), so such text gets a leading apostrophe; plain
// numbers (a negative figure) are left as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
  return /[",\r\n\t]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM and CRLF line ends, so Excel and WPS open Chinese text correctly. */
export function csvDocument(rows: unknown[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
