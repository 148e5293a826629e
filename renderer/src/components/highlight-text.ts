import { highlight, type Segment } from '../../../archive/search/highlight.ts';

/** Segments of a text for the current query's terms (one plain segment when there is no query). */
export function highlightText(text: string, terms: readonly string[]): Segment[] {
  return terms.length > 0 ? highlight(text, terms) : [{ text, match: false }];
}
