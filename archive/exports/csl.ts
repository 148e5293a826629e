// CSL-JSON (the citation format Zotero, Mendeley and pandoc read): a clipping is an
// "article-newspaper". The clipping's text travels as the abstract, so nothing is lost on the
// way to a citation manager and back.
import type { Clipping } from '../clipping.ts';
import { CLIPPING_FIELDS, SHORT_FIELDS_FIRST } from '../clipping-fields.ts';

type CslDate = { 'date-parts': number[][] };
type CslName = { literal: string } | { family?: string; given?: string };

/** A CSL item: its id and type, and one variable per clipping field (clipping-fields.ts names it). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  abstract?: string;
  issued?: CslDate;
  accessed?: CslDate;
  author?: CslName[];
  [variable: string]: unknown;
}

// What CSL itself says of its variables: these are dates and names; the rest are text or numbers.
const DATE_VARIABLES = new Set(['issued']);
const NAME_VARIABLES = new Set(['author']);

function dateParts(date: string): CslDate {
  return { 'date-parts': [date.split('-').map(Number)] };
}

export function toCslItem(clipping: Clipping): CslItem {
  const item: CslItem = { id: clipping.id, type: 'article-newspaper' };
  for (const spec of SHORT_FIELDS_FIRST) {
    const value = clipping[spec.name];
    const variable: string = spec.csl;
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (Array.isArray(value)) item[variable] = value.join(', ');
    else if (DATE_VARIABLES.has(variable)) item[variable] = dateParts(value);
    // Hindi names do not split reliably into family and given: keep the byline as written.
    else if (NAME_VARIABLES.has(variable)) item[variable] = [{ literal: value }];
    else item[variable] = value;
  }
  item.accessed = dateParts(clipping.addedAt.slice(0, 10));
  return item;
}

/** Whether a JSON record looks like CSL-JSON rather than a clipping. */
export function isCslItem(value: unknown): value is CslItem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    !('body' in value)
  );
}

/** A CSL item as clipping input (validated later like any other import). */
export function fromCslItem(item: CslItem): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const spec of CLIPPING_FIELDS) {
    const value = item[spec.csl];
    if (value === undefined || value === null || value === '') continue;
    if (spec.kind === 'tags') {
      record[spec.name] = String(value)
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean);
    } else if (DATE_VARIABLES.has(spec.csl)) {
      const parts = (value as Partial<CslDate>)['date-parts']?.[0];
      if (parts && parts.length > 0) {
        record[spec.name] = parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
      }
    } else if (NAME_VARIABLES.has(spec.csl)) {
      if (!Array.isArray(value) || value.length === 0) continue;
      record[spec.name] = (value as CslName[])
        .map((a) => ('literal' in a ? a.literal : [a.given, a.family].filter(Boolean).join(' ')))
        .join(', ');
    } else record[spec.name] = String(value);
  }
  // The two required fields are always there, if empty, so that validation names what is missing.
  record.title ??= '';
  record.body ??= '';
  return record;
}
