// CSL-JSON (the citation format Zotero, Mendeley and pandoc read): a clipping is an
// "article-newspaper". The clipping's text travels as the abstract, so nothing is lost on the
// way to a citation manager and back.
import type { Clipping } from '../clipping.ts';

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  author?: ({ literal: string } | { family?: string; given?: string })[];
  URL?: string;
  page?: string;
  'publisher-place'?: string;
  section?: string;
  edition?: string;
  language?: string;
  keyword?: string;
  note?: string;
  abstract?: string;
}

function dateParts(date: string): { 'date-parts': number[][] } {
  return { 'date-parts': [date.split('-').map(Number)] };
}

export function toCslItem(clipping: Clipping): CslItem {
  const item: CslItem = { id: clipping.id, type: 'article-newspaper', title: clipping.title };
  if (clipping.publication) item['container-title'] = clipping.publication;
  if (clipping.date) item.issued = dateParts(clipping.date);
  item.accessed = dateParts(clipping.addedAt.slice(0, 10));
  // Hindi names do not split reliably into family and given: keep the byline as written.
  if (clipping.author) item.author = [{ literal: clipping.author }];
  if (clipping.url) item.URL = clipping.url;
  if (clipping.page) item.page = clipping.page;
  if (clipping.place) item['publisher-place'] = clipping.place;
  if (clipping.section) item.section = clipping.section;
  if (clipping.edition) item.edition = clipping.edition;
  item.language = clipping.language;
  if (clipping.tags.length) item.keyword = clipping.tags.join(', ');
  if (clipping.notes) item.note = clipping.notes;
  item.abstract = clipping.body;
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
  const record: Record<string, unknown> = {
    title: item.title ?? '',
    body: item.abstract ?? '',
  };
  if (item['container-title']) record.publication = item['container-title'];
  const parts = item.issued?.['date-parts']?.[0];
  if (parts && parts.length > 0) {
    record.date = parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
  }
  if (item.author?.length) {
    record.author = item.author
      .map((a) => ('literal' in a ? a.literal : [a.given, a.family].filter(Boolean).join(' ')))
      .join(', ');
  }
  if (item.URL) record.url = item.URL;
  if (item.page !== undefined) record.page = String(item.page);
  if (item['publisher-place']) record.place = item['publisher-place'];
  if (item.section) record.section = item.section;
  if (item.edition !== undefined) record.edition = String(item.edition);
  if (item.language) record.language = item.language;
  if (item.keyword)
    record.tags = item.keyword
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter(Boolean);
  if (item.note) record.notes = item.note;
  return record;
}
