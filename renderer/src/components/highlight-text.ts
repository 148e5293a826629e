import type { Highlighter, Segment } from '../../../archive/search/highlight.ts';

/** A title or text with the current query's matches marked (one plain segment without a query). */
export function highlightText(text: string, highlighter: Highlighter, where: 'title' | 'text' = 'text'): Segment[] {
  return where === 'title' ? highlighter.title(text) : highlighter.text(text);
}
