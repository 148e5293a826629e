// The matcher's expansion of a query word over the index's vocabulary (matcher.ts over
// vocabulary.ts) agrees with the highlighter's rule (levelFor), word by word, on the labelled set.
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../archive/search/engine.ts';
import { compileWord, expand, levelFor } from '../../../../archive/search/matcher.ts';
import { parseQuery } from '../../../../archive/search/query.ts';
import { EVAL_DOCS } from '../../../search-eval/clippings.ts';
import { QUERIES } from '../../../search-eval/queries.ts';

describe('expansion and highlighting agree', () => {
  it('the index finds a word at a level exactly when the highlighter matches it there', () => {
    const engine = new SearchEngine();
    engine.putAll(EVAL_DOCS);
    const vocabulary = engine.index.vocabulary;
    let checked = 0;
    for (const { query } of QUERIES) {
      const parsed = parseQuery(query);
      if (!parsed.ok) continue;
      for (const clause of parsed.query.clauses) {
        for (const term of clause.alternatives) {
          for (const word of term.words) {
            const compiled = compileWord(word, 'stem-first');
            const found = expand(compiled, vocabulary);
            for (let id = 1; id < vocabulary.length; id++) {
              const t = vocabulary.term(id)!;
              const level = levelFor(compiled, t);
              expect(found.get(id) ?? -1, `${word.text} ~ ${t.exact}`).toBe(level);
              checked += 1;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10000);
  });
});
