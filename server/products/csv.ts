// Reading a bureau's CSV: UTF-8 (with or without BOM) or GB18030, as Excel in China saves it;
// headers in Chinese or English mapped to the sampling row fields.
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { SAMPLING_HEADERS, type ImportErrorCode, type ImportLineError } from '../../shared/schemas/products.js';

export function decodeCsv(buf: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: GB18030 is the superset of GBK/GB2312 that Chinese spreadsheets write.
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

export function lineError(
  line: number,
  code: ImportErrorCode,
  message: string,
  field: string | null = null,
  value: string | null = null,
): ImportLineError {
  return { line, code, field, value, message };
}

export interface CsvLine {
  line: number;
  cells: string[];
}

/** Every record with the line it starts on; a malformed record is returned as an error instead. */
export async function readCsv(text: string): Promise<{ lines: CsvLine[]; errors: ImportLineError[] }> {
  const lines: CsvLine[] = [];
  const errors: ImportLineError[] = [];
  const parser = parse(text, { relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, info: true, trim: true });
  parser.on('skip', (err: Error & { lines?: number }) =>
    errors.push(lineError(err.lines ?? 0, 'unreadable', `unreadable CSV: ${err.message.split(':')[0]}`)),
  );
  for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    lines.push({ line: r.info.lines, cells: r.record });
  }
  return { lines, errors };
}

const norm = (h: string) => h.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Column index of each known field; unknown headers are ignored. */
export function mapHeaders(header: string[]): { columns: Record<string, number>; missing: string[] } {
  const columns: Record<string, number> = {};
  header.forEach((h, i) => {
    const n = norm(h);
    for (const [field, aliases] of Object.entries(SAMPLING_HEADERS)) {
      if (columns[field] === undefined && aliases.some((a) => norm(a) === n)) columns[field] = i;
    }
  });
  const required = ['product', 'producer', 'batch', 'date', 'result', 'authority'];
  return { columns, missing: required.filter((f) => columns[f] === undefined) };
}

export function rowObject(cells: string[], columns: Record<string, number>): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [field, i] of Object.entries(columns)) {
    const v = cells[i];
    if (v !== undefined && v !== '') o[field] = v;
  }
  return o;
}
