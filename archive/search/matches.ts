// Sets of matching documents with their scores, as sorted typed arrays, and what a query does
// with them: keep some, intersect (AND), unite (OR, the better score), take away (NOT), keep dates.
import type { DateRange } from './query.ts';

/** Documents (sorted numbers) with their scores. */
export interface Matches {
  docs: Uint32Array;
  scores: Float64Array;
}

/** The answer's documents, and those it had before its date: clauses (for the timeline). */
export interface Found extends Matches {
  undated: Matches;
}

/** The documents whose date (dates[doc], YYYYMMDD) every range keeps. */
export function keepDated(matches: Matches, dates: Uint32Array, ranges: DateRange[]): Matches {
  const keep: number[] = [];
  for (let i = 0; i < matches.docs.length; i++) {
    const date = dates[matches.docs[i]!]!;
    if (ranges.every((r) => inRange(date, r) !== r.negated)) keep.push(i);
  }
  return pick(matches, keep);
}

/**
 * Does a date number (YYYYMMDD, 0 = none) fall in the range? Compared at each end's precision; a
 * clipping dated only "2024" is not known to be in 2024-03, so it is left out of that.
 */
export function inRange(date: number, range: DateRange): boolean {
  if (date === 0) return false;
  const digits = String(date).padStart(8, '0');
  const text = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const known = text.endsWith('-00-00') ? 4 : text.endsWith('-00') ? 7 : 10;
  const compare = (bound: string) => {
    const p = Math.min(bound.length, known);
    const a = text.slice(0, p);
    const b = bound.slice(0, p);
    return a < b ? -1 : a > b ? 1 : known < bound.length ? NaN : 0;
  };
  if (range.from !== undefined) {
    const c = compare(range.from);
    if (!(c >= 0)) return false;
  }
  if (range.to !== undefined) {
    const c = compare(range.to);
    if (!(c <= 0)) return false;
  }
  return true;
}

/** Where `doc` is in sorted `docs`, or -1. */
export function binarySearch(docs: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = docs[mid]!;
    if (v === doc) return mid;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The matches at these positions (ascending). */
export function pick(matches: Matches, keep: number[]): Matches {
  const docs = new Uint32Array(keep.length);
  const scores = new Float64Array(keep.length);
  keep.forEach((i, j) => {
    docs[j] = matches.docs[i]!;
    scores[j] = matches.scores[i]!;
  });
  return { docs, scores };
}

/** Both's documents, their scores added. */
export function intersect(a: Matches, b: Matches): Matches {
  const size = Math.min(a.docs.length, b.docs.length);
  const docs = new Uint32Array(size);
  const scores = new Float64Array(size);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x === y) {
      docs[n] = x;
      scores[n++] = a.scores[i++]! + b.scores[j++]!;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

/** Either's documents; one in both keeps its better score. */
export function union(a: Matches, b: Matches): Matches {
  const docs = new Uint32Array(a.docs.length + b.docs.length);
  const scores = new Float64Array(docs.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const x = i < a.docs.length ? a.docs[i]! : Infinity;
    const y = j < b.docs.length ? b.docs[j]! : Infinity;
    if (x === y) {
      docs[n] = x;
      scores[n++] = Math.max(a.scores[i++]!, b.scores[j++]!);
    } else if (x < y) {
      docs[n] = x;
      scores[n++] = a.scores[i++]!;
    } else {
      docs[n] = y;
      scores[n++] = b.scores[j++]!;
    }
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

/** The matches without the documents in `remove` (sorted). */
export function subtract(a: Matches, remove: Uint32Array): Matches {
  const keep: number[] = [];
  let j = 0;
  for (let i = 0; i < a.docs.length; i++) {
    const x = a.docs[i]!;
    while (j < remove.length && remove[j]! < x) j += 1;
    if (j >= remove.length || remove[j] !== x) keep.push(i);
  }
  return pick(a, keep);
}
