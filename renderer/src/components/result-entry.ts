import type { Segment } from '../../../archive/search/highlight.ts';

/** One row of the results list: a search hit, or a clipping of the unfiltered archive. */
export interface ResultEntry {
  id: string;
  title: Segment[];
  publication?: string | undefined;
  date?: string | undefined;
  /** The clipping's language (hi, en…), for the row's lang attribute. */
  language?: string | undefined;
  /** The clipping was made from a scan (its text read by OCR). */
  scanned?: boolean | undefined;
}

export function rowId(id: string): string {
  return `result-${id}`;
}
