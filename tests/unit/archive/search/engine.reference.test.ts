// Identical answers: the engine against a frozen list of answers (ids, scores, totals, facets and
// the timeline) written by the engine that kept its own postings, before FlexSearch took them over.
// The list is regenerated only on purpose, from that engine's bench copy (bench/support/previous-engine),
// e.g. after a deliberate change of the analysis chain:
//   WRITE_SEARCH_REFERENCE=1 npx vitest run tests/unit/archive/search/engine.reference.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SearchEngine, type FacetCount, type SearchOutcome } from '../../../../archive/search/engine.ts';
import {
  SearchEngine as PreviousEngine,
  type SearchOutcome as PreviousOutcome,
} from '../../../../bench/support/previous-engine/engine.ts';
import { syntheticCorpus, syntheticQueries } from '../../../../bench/support/hindi-corpus.ts';
import { EVAL_DOCS } from '../../../search-eval/clippings.ts';
import { QUERIES } from '../../../search-eval/queries.ts';

const FILE = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'search-reference', 'answers.json');
const CLIPPINGS = 1500;
const RECORDED_FACETS = ['publication', 'tag', 'year'];

interface Reference {
  query: string;
  typing: boolean;
  outcome: unknown;
}

/** Whole words, the same while typing (cut short, the last word a beginning), and the labelled set. */
function cases(): { query: string; typing: boolean }[] {
  const synthetic = syntheticQueries(60, 7);
  return [
    ...synthetic.map((query) => ({ query, typing: false })),
    ...synthetic.slice(0, 30).map((query) => ({ query: query.slice(0, Math.max(2, query.length - 2)), typing: true })),
    ...QUERIES.map((q) => ({ query: q.query, typing: false })),
  ];
}

/** What a person sees of an answer: the first 20 hits (id, score, marked title), total, facets, timeline. */
function summary(outcome: SearchOutcome | PreviousOutcome): unknown {
  if (!outcome.ok) return { error: outcome.error.code };
  return {
    total: outcome.total,
    sort: outcome.sort,
    hits: outcome.hits.map((h) => [h.id, h.score, h.title.filter((s) => s.match).map((s) => s.text)]),
    // Compact, to keep the file small: value:count lists, and the timeline's counts in order. The
    // facets the file was written with, by name: a facet the declaration gains later is not in it.
    facets: RECORDED_FACETS.map((name) =>
      (outcome.facets as Record<string, FacetCount[]>)[name]!.map((f) => `${f.value}:${f.count}`).join(' '),
    ),
    timeline: `${outcome.timeline.unit} ${outcome.timeline.buckets[0]?.value ?? ''} ${outcome.timeline.undated} ${outcome.timeline.buckets.map((b) => b.count).join(',')}`,
  };
}

function answers(engine: { search(q: string, o: object): SearchOutcome | PreviousOutcome }): Reference[] {
  return cases().map(({ query, typing }) => ({
    query,
    typing,
    outcome: summary(engine.search(query, { limit: 20, typing })),
  }));
}

const docs = () => [...syntheticCorpus(CLIPPINGS), ...EVAL_DOCS];

it('answers exactly as the engine with its own postings did', () => {
  if (process.env.WRITE_SEARCH_REFERENCE) {
    const previous = new PreviousEngine();
    previous.putAll(docs());
    writeFileSync(
      FILE,
      '[\n' +
        answers(previous)
          .map((a) => JSON.stringify(a))
          .join(',\n') +
        '\n]\n',
    );
  }
  const reference = JSON.parse(readFileSync(FILE, 'utf8')) as Reference[];
  expect(reference.length).toBe(cases().length);
  const engine = new SearchEngine();
  engine.putAll(docs());
  const got = answers(engine);
  for (let i = 0; i < reference.length; i++) expect(got[i], `${reference[i]!.query}`).toEqual(reference[i]);
});
