// Recall by paradigm and false conflation, for any search that can tell whether a one-word query
// finds a clipping holding a given text. The unit test holds our engine to thresholds; the bench
// runs the same figures for Lucene's HindiAnalyzer beside ours.
import { SearchEngine } from '../../archive/search/engine.ts';
import { expandsAsQuery, lemmaKeys, type MorphologyOptions } from '../../archive/search/morphology.ts';
import { isStopword } from '../../archive/search/stopwords.ts';
import { words } from '../../archive/search/tokenize.ts';
import { VERB_ROOTS } from '../../archive/search/verb-roots.ts';
import { foldWord } from '../../archive/search/normalize.ts';
import { DIFFERENT_PAIRS, GENDER_NOUN_PAIRS, PARADIGMS, type Paradigm, type WordClass } from './paradigms.ts';
import { LUCENE_NORMALIZER_PAIRS, LUCENE_STEMMER_PAIRS } from './lucene-pairs.ts';

/** Whether searching `query` finds a clipping whose text is `text`. */
export type Finds = (query: string, text: string) => boolean;

export interface LemmaScore {
  paradigm: Paradigm;
  recall: number;
  missed: string[];
}

export interface MorphologyScores {
  lemmas: LemmaScore[];
  /** Mean over lemmas of the share of their other forms found by the citation form. */
  recall: number;
  byClass: Record<WordClass, number>;
  byKind: Map<string, { recall: number; count: number }>;
  /** Verbs whose root verb-roots.ts does not list: the rules alone. */
  unlistedVerbs: { recall: number; count: number };
  falseConflation: number;
  conflated: [string, string][];
  genderNouns: { joined: number; count: number };
  luceneStemmer: { found: number; pairs: [string, string][]; missed: [string, string][] };
  luceneNormalizer: { found: number; pairs: [string, string][]; missed: [string, string][] };
}

const mean = (xs: number[]) => (xs.length === 0 ? 1 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Every text the measurement puts in a clipping (and every query it asks). */
export function allTexts(): string[] {
  return [
    ...new Set([
      ...PARADIGMS.flatMap((p) => p.forms),
      ...DIFFERENT_PAIRS.flat(),
      ...GENDER_NOUN_PAIRS.flat(),
      ...LUCENE_STEMMER_PAIRS.flat(),
      ...LUCENE_NORMALIZER_PAIRS.flat(),
    ]),
  ];
}

function pairsFound(finds: Finds, pairs: readonly [string, string][]) {
  const missed = pairs.filter(([a, b]) => !(finds(a, b) && finds(b, a)));
  return { found: (pairs.length - missed.length) / pairs.length, pairs: [...pairs], missed };
}

export function measureMorphology(finds: Finds): MorphologyScores {
  const lemmas: LemmaScore[] = PARADIGMS.map((paradigm) => {
    const others = paradigm.forms.slice(1).filter((f) => f !== paradigm.lemma);
    const missed = others.filter((form) => !finds(paradigm.lemma, form));
    return { paradigm, recall: (others.length - missed.length) / others.length, missed };
  });
  const classMean = (c: WordClass) => mean(lemmas.filter((l) => l.paradigm.wordClass === c).map((l) => l.recall));
  const byKind = new Map<string, { recall: number; count: number }>();
  for (const kind of new Set(PARADIGMS.map((p) => p.kind))) {
    const of = lemmas.filter((l) => l.paradigm.kind === kind);
    byKind.set(kind, { recall: mean(of.map((l) => l.recall)), count: of.length });
  }
  const unlisted = lemmas.filter(
    (l) => l.paradigm.wordClass === 'verb' && !VERB_ROOTS.has(foldWord(l.paradigm.lemma.slice(0, -2))),
  );
  const conflated = DIFFERENT_PAIRS.filter(([a, b]) => finds(a, b) || finds(b, a));
  return {
    lemmas,
    recall: mean(lemmas.map((l) => l.recall)),
    byClass: { noun: classMean('noun'), adjective: classMean('adjective'), verb: classMean('verb') },
    byKind,
    unlistedVerbs: { recall: mean(unlisted.map((l) => l.recall)), count: unlisted.length },
    falseConflation: conflated.length / DIFFERENT_PAIRS.length,
    conflated,
    genderNouns: {
      joined: GENDER_NOUN_PAIRS.filter(([a, b]) => finds(a, b) || finds(b, a)).length,
      count: GENDER_NOUN_PAIRS.length,
    },
    luceneStemmer: pairsFound(finds, LUCENE_STEMMER_PAIRS),
    luceneNormalizer: pairsFound(finds, LUCENE_NORMALIZER_PAIRS),
  };
}

/** The Lucene pairs of both files together. */
export function lucenePairsFound(s: MorphologyScores): number {
  const total = s.luceneStemmer.pairs.length + s.luceneNormalizer.pairs.length;
  const missed = s.luceneStemmer.missed.length + s.luceneNormalizer.missed.length;
  return (total - missed) / total;
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A readable summary: the figures, then what was missed and what was wrongly joined. */
export function morphologyReport(name: string, s: MorphologyScores): string {
  const lines = [
    `${name}: recall per lemma ${pct(s.recall)} (nouns ${pct(s.byClass.noun)}, adjectives ${pct(s.byClass.adjective)}, verbs ${pct(s.byClass.verb)}); false conflation ${pct(s.falseConflation)} of ${DIFFERENT_PAIRS.length} pairs; Lucene pairs ${pct(lucenePairsFound(s))}; masculine/feminine nouns joined ${s.genderNouns.joined}/${s.genderNouns.count}`,
  ];
  for (const [kind, k] of s.byKind) lines.push(`  ${kind.padEnd(34)} ${pct(k.recall).padStart(6)}  (${k.count})`);
  lines.push(
    `  verbs whose root is not listed       ${pct(s.unlistedVerbs.recall).padStart(6)}  (${s.unlistedVerbs.count})`,
  );
  for (const l of s.lemmas) if (l.missed.length > 0) lines.push(`  ✗ ${l.paradigm.lemma}: ${l.missed.join(' ')}`);
  lines.push(`  joined wrongly: ${s.conflated.map((p) => p.join('~')).join(' ')}`);
  const lucene = [...s.luceneStemmer.missed, ...s.luceneNormalizer.missed];
  lines.push(`  Lucene pairs missed: ${lucene.map((p) => p.join('~')).join(' ')}`);
  return lines.join('\n');
}

/** Our engine, end to end: one clipping per text (the set's, and `extra`), each query searched once. */
export function engineFinds(extra: string[] = []): Finds {
  const engine = new SearchEngine();
  const texts = [...new Set([...allTexts(), ...extra])];
  const idOf = new Map(texts.map((text, i) => [text, `m${i}`]));
  engine.putAll(
    texts.map((text, i) => ({ id: `m${i}`, title: '', body: text, tags: [], addedAt: '2025-01-01T00:00:00.000Z' })),
  );
  const results = new Map<string, Set<string>>();
  return (query, text) => {
    let found = results.get(query);
    if (found === undefined) {
      const outcome = engine.search(query, { limit: 100_000 });
      if (!outcome.ok) throw new Error(`${query}: ${outcome.error.code}`);
      found = new Set(outcome.hits.map((h) => h.id));
      results.set(query, found);
    }
    return found.has(idOf.get(text)!);
  };
}

/**
 * The analysis chain alone, with other morphology options: a query word finds a text when one of
 * the text's words has its folded form or shares a lemma key (the engine's rule at the folded and
 * stemmed levels; the unit test checks the two agree).
 */
export function keysFinds(options: MorphologyOptions): Finds {
  const keysOf = (word: string, stop: boolean) => lemmaKeys(foldWord(word), options, stop);
  return (query, text) => {
    const q = foldWord(query);
    const queryKeys = isStopword(q) || !expandsAsQuery(q) ? [] : keysOf(query, false);
    return words(text).some((word) => {
      const folded = foldWord(word);
      if (folded === q) return true;
      const keys = keysOf(word, isStopword(folded));
      return keys.some((key) => queryKeys.includes(key));
    });
  };
}
