// Search while typing, keystroke by keystroke, on the synthetic corpus: the figure the analysis
// chain must not make worse (every keystroke is a query whose last word is a prefix).
import { SearchEngine } from '../../archive/search/engine.ts';
import { syntheticCorpus, syntheticQueries } from './hindi-corpus.ts';
import { percentile } from './table.ts';

export interface TypingFigures {
  clippings: number;
  keystrokes: number;
  p50: number;
  p95: number;
}

/** Types 40 queries character by character against `clippings` synthetic clippings. */
export function measureTyping(clippings: number): TypingFigures {
  const engine = new SearchEngine();
  engine.putAll([...syntheticCorpus(clippings)]);
  const typed = [...new Set(syntheticQueries(60, 7))].slice(0, 40);
  const keystrokes = typed.flatMap((query) => [...query].map((_, i) => query.slice(0, i + 1)).filter((q) => q.trim()));
  for (const q of keystrokes.slice(0, 50)) engine.search(q, { typing: true, limit: 50 }); // warm up
  const times: number[] = [];
  for (const q of keystrokes) {
    const started = performance.now();
    engine.search(q, { typing: true, limit: 50 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { clippings, keystrokes: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}
