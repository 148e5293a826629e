// Runs the labelled queries against any search function and measures recall and precision, per
// query, per category and overall. The unit tests hold our engine to floors; the bench runs the
// same set against every peer.
import { QUERIES, type Category, type LabelledQuery } from './queries.ts';

/** The ids a search returns for a query (all of them, best first). */
export type SearchFunction = (query: string) => string[];

export interface QueryScore {
  query: LabelledQuery;
  found: string[];
  missed: string[];
  wrong: string[];
  /** Found but neither expected nor forbidden: a labelling gap to look at. */
  unlabelled: string[];
  firstOk: boolean | undefined;
}

export interface Scores {
  recall: number;
  precision: number;
  /** Expected found / everything found (what is not labelled counts as wrong). */
  strictPrecision: number;
  /** Of the queries with a `first`, the share whose first hit is it. */
  firstRight: number;
  queries: QueryScore[];
  byCategory: Map<Category, { recall: number; precision: number; count: number }>;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function evaluate(search: SearchFunction, queries: readonly LabelledQuery[] = QUERIES): Scores {
  const scores: QueryScore[] = queries.map((query) => {
    const found = search(query.query);
    const set = new Set(found);
    return {
      query,
      found,
      missed: query.expected.filter((id) => !set.has(id)),
      wrong: query.forbidden.filter((id) => set.has(id)),
      unlabelled: found.filter((id) => !query.expected.includes(id) && !query.forbidden.includes(id)),
      firstOk: query.first === undefined ? undefined : found[0] === query.first,
    };
  });
  const total = (list: QueryScore[]) => {
    const expected = list.reduce((n, s) => n + s.query.expected.length, 0);
    const hit = list.reduce((n, s) => n + s.query.expected.length - s.missed.length, 0);
    const wrong = list.reduce((n, s) => n + s.wrong.length, 0);
    return { recall: ratio(hit, expected), precision: ratio(hit, hit + wrong), count: list.length };
  };
  const byCategory = new Map<Category, { recall: number; precision: number; count: number }>();
  for (const category of new Set(queries.map((q) => q.category))) {
    byCategory.set(category, total(scores.filter((s) => s.query.category === category)));
  }
  const ranked = scores.filter((s) => s.firstOk !== undefined);
  const { recall, precision } = total(scores);
  const hits = scores.reduce((n, s) => n + s.query.expected.length - s.missed.length, 0);
  const returned = scores.reduce((n, s) => n + new Set(s.found).size, 0);
  return {
    recall,
    precision,
    strictPrecision: ratio(hits, returned),
    firstRight: ratio(ranked.filter((s) => s.firstOk).length, ranked.length),
    queries: scores,
    byCategory,
  };
}

/** A readable report: overall, per category, and every query that missed or matched wrongly. */
export function report(name: string, scores: Scores): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${name}: recall ${pct(scores.recall)}, precision ${pct(scores.precision)} (strict ${pct(scores.strictPrecision)}), right first hit ${pct(scores.firstRight)} (${scores.queries.length} queries)`,
  ];
  for (const [category, s] of scores.byCategory) {
    lines.push(
      `  ${category.padEnd(17)} recall ${pct(s.recall).padStart(6)}  precision ${pct(s.precision).padStart(6)}  (${s.count})`,
    );
  }
  for (const s of scores.queries) {
    if (s.missed.length === 0 && s.wrong.length === 0 && s.unlabelled.length === 0 && s.firstOk !== false) continue;
    const parts = [];
    if (s.unlabelled.length > 0) parts.push(`unlabelled ${s.unlabelled.join(' ')}`);
    if (s.missed.length > 0) parts.push(`missed ${s.missed.join(' ')}`);
    if (s.wrong.length > 0) parts.push(`wrongly found ${s.wrong.join(' ')}`);
    if (s.firstOk === false) parts.push(`first ${s.found[0] ?? '—'} instead of ${s.query.first}`);
    lines.push(`  ✗ ${s.query.query}: ${parts.join('; ')}`);
  }
  return lines.join('\n');
}
