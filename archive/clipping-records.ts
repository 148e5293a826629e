// Shapes made from a stored clipping: its summary (what lists carry) and its search document (what
// the search index is given). Free of zod at run time, so the renderer uses the same two helpers.
import type { SearchDoc } from './api.ts';
import { INDEXED_FIELDS, UNSUMMARIZED_FIELDS } from './clipping-fields.ts';
import type { Clipping, ClippingSummary } from './clipping.ts';

/** A clipping without its long texts and scan details; scanPages says it was made from a scan. */
export function summarize(clipping: Clipping): ClippingSummary {
  const { ocrText: _ocrText, scans, ...rest } = clipping;
  const summary: Record<string, unknown> = rest;
  for (const name of UNSUMMARIZED_FIELDS) delete summary[name];
  const scanPages = scans?.reduce((n, scan) => n + scan.pages.length, 0);
  if (scanPages) summary.scanPages = scanPages;
  return summary as ClippingSummary;
}

/** The searchable fields of a clipping, with its id and the version the index will hold. */
export function toSearchDoc(clipping: Clipping): SearchDoc {
  const doc: Record<string, unknown> = { id: clipping.id };
  for (const name of INDEXED_FIELDS) doc[name] = clipping[name];
  doc.addedAt = clipping.addedAt;
  doc.updatedAt = clipping.updatedAt;
  return doc as SearchDoc;
}
