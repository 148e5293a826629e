// Clippings as files other programs read: JSON (re-importable), NDJSON (one per line), CSV (opens
// in spreadsheet programs) and CSL-JSON (citation managers such as Zotero).
import type { Clipping } from '../clipping.ts';
import { SHORT_FIELDS_FIRST } from '../clipping-fields.ts';
import { clippingsToJson } from './json.ts';
import { toCslItem } from './csl.ts';

export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  json: '.json',
  ndjson: '.ndjson',
  csv: '.csv',
  'csl-json': '.csl.json',
};

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
  'csl-json': 'application/vnd.citationstyles.csl+json',
};

export function serializeClippings(clippings: readonly Clipping[], format: ExportFormat): string {
  switch (format) {
    case 'json':
      return clippingsToJson(clippings);
    case 'ndjson':
      return clippings.map((c) => JSON.stringify(c) + '\n').join('');
    case 'csv':
      return toCsv(clippings);
    case 'csl-json':
      return `${JSON.stringify(clippings.map(toCslItem), null, 2)}\n`;
  }
}

/** The id, the declared fields with the long text last (easier to read in a spreadsheet), the times. */
export const CSV_COLUMNS = [
  'id',
  ...SHORT_FIELDS_FIRST.map((f) => f.name),
  'addedAt',
  'updatedAt',
] as const satisfies readonly (keyof Clipping)[];

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark and CRLF rows, which is what makes spreadsheet programs
 * read Devanagari correctly. Tags are joined with "; ". A cell that starts like a formula (= + - @)
 * gets a leading apostrophe, so text from the web cannot run as a spreadsheet formula.
 */
export function toCsv(clippings: readonly Clipping[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const clipping of clippings) {
    rows.push(
      CSV_COLUMNS.map((column) => {
        const value = clipping[column] ?? '';
        return csvCell(Array.isArray(value) ? value.join('; ') : value);
      }).join(','),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
