// Facets (how many matches per value of each metadata field the declaration marks `facet`, and per
// year) and the timeline of a query's matches, counted from the index's per-clipping table (no text
// is read).
import { FACET_FIELDS, type FacetKey } from '../clipping-fields.ts';
import type { Found } from './matches.ts';
import { LIST_FIELD, type SearchIndex, type ValueField } from './search-index.ts';

/** How many values each facet lists, the most frequent first. */
const FACET_VALUES = 12;
/** A timeline of more years than this shows only the years with matches. */
const MAX_TIMELINE_YEARS = 200;

export interface FacetCount {
  value: string;
  count: number;
}

export type Facets = Record<FacetKey | 'year', FacetCount[]>;

export interface Timeline {
  unit: 'year' | 'month';
  /** Ascending periods (YYYY or YYYY-MM), from the first match to the last, empty ones included. */
  buckets: FacetCount[];
  undated: number;
}

/**
 * Facets of the matches; the timeline of the matches of every date, so a span kept by brushing
 * still shows where it lies and can be widened again.
 */
export function countsOf(ix: SearchIndex, matches: Found): { facets: Facets; timeline: Timeline } {
  const counted = facetsOf(ix, matches.docs);
  if (matches.undated.docs === matches.docs) return counted;
  return { facets: counted.facets, timeline: facetsOf(ix, matches.undated.docs).timeline };
}

function facetsOf(ix: SearchIndex, docs: Uint32Array): { facets: Facets; timeline: Timeline } {
  // Years 0–9999 counted in a flat array (a Map per match is slower); months only when needed.
  const years = new Uint32Array(10000);
  let undated = 0;
  let monthless = 0;
  for (let i = 0; i < docs.length; i++) {
    const date = ix.dates[docs[i]!]!;
    if (date === 0) {
      undated += 1;
      continue;
    }
    years[Math.floor(date / 10000)]! += 1;
    if (Math.floor(date / 100) % 100 === 0) monthless += 1;
  }
  const top = (counts: Uint32Array, values: string[]) => {
    const list: FacetCount[] = [];
    for (let i = 1; i < counts.length; i++) if (counts[i]! > 0) list.push({ value: values[i]!, count: counts[i]! });
    return list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES);
  };
  const yearList: [number, number][] = [];
  for (let y = 0; y < years.length; y++) if (years[y]! > 0) yearList.push([y, years[y]!]);
  const span = yearList.length > 0 ? yearList.at(-1)![0] - yearList[0]![0] : 0;
  const byMonth = yearList.length > 0 && span <= 2 && monthless === 0;
  // Every period from the first match to the last, empty ones too: a time axis without gaps.
  const buckets: FacetCount[] = [];
  if (byMonth) {
    const first = yearList[0]![0];
    const months = new Uint32Array(12 * 3);
    for (let i = 0; i < docs.length; i++) {
      const date = ix.dates[docs[i]!]!;
      if (date !== 0) months[(Math.floor(date / 10000) - first) * 12 + (Math.floor(date / 100) % 100) - 1]! += 1;
    }
    const from = months.findIndex((c) => c > 0);
    const to = months.findLastIndex((c) => c > 0);
    for (let i = from; i <= to; i++) {
      buckets.push({
        value: `${first + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        count: months[i]!,
      });
    }
  } else if (yearList.length > 0 && span < MAX_TIMELINE_YEARS) {
    for (let y = yearList[0]![0]; y <= yearList.at(-1)![0]; y++) buckets.push({ value: String(y), count: years[y]! });
  } else for (const [y, count] of yearList) buckets.push({ value: String(y), count });
  const facets = {} as Facets;
  for (const field of FACET_FIELDS) facets[field] = top(valueCounts(ix, docs, field), ix.fields[field].values);
  facets.year = [...yearList].reverse().map(([y, count]) => ({ value: String(y), count }));
  return {
    facets,
    timeline: { unit: byMonth ? 'month' : 'year', buckets, undated },
  };
}

/** How many of the documents have each value of a metadata field (by value id; 0 is "none"). */
function valueCounts(ix: SearchIndex, docs: Uint32Array, field: FacetKey): Uint32Array {
  const counts = new Uint32Array(ix.fields[field].values.length);
  if (field === LIST_FIELD) {
    const { tagStart, tagIds } = ix;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      for (let t = tagStart[doc]!; t < tagStart[doc + 1]!; t++) counts[tagIds[t]!]! += 1;
    }
  } else {
    const values = ix.values[field as ValueField];
    for (let i = 0; i < docs.length; i++) counts[values[docs[i]!]!]! += 1;
  }
  return counts;
}
