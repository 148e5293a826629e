// Shapes derived from a stored clipping on this side (the archive's own helpers pull in zod).
import type { SearchDoc } from '../../../archive/api.ts';
import type { Clipping, ClippingSummary } from '../../../archive/clipping.ts';

export function toSummary(clipping: Clipping): ClippingSummary {
  const { body: _body, notes: _notes, ...summary } = clipping;
  return summary;
}

export function toSearchDoc(clipping: Clipping): SearchDoc {
  const { id, title, body, publication, author, place, tags, date, addedAt, updatedAt } = clipping;
  return { id, title, body, publication, author, place, tags, date, addedAt, updatedAt };
}
