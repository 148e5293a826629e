// The whole archive's order when there is no query: as added (newest first, the archive's own
// order), or by the clipping's date, newest or oldest first; undated clippings go last either way.
import type { ClippingSummary } from '../../../archive/clipping.ts';
import type { SortOrder } from '../../../archive/search/query.ts';

export function sortSummaries(list: ClippingSummary[], sort: SortOrder | undefined): ClippingSummary[] {
  if (sort === undefined || sort === 'relevance') return list;
  const sign = sort === 'newest' ? 1 : -1;
  // Dates are YYYY, YYYY-MM or YYYY-MM-DD: as strings they sort by time. Stable: ties keep added order.
  return [...list].sort((a, b) => {
    if (!a.date || !b.date) return (a.date ? 0 : 1) - (b.date ? 0 : 1);
    return a.date === b.date ? 0 : a.date < b.date ? sign : -sign;
  });
}
