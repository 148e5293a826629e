// Searches to run once an index is ready, before anyone types, and whose answers are dropped: the
// first searches of a session otherwise pay for compiling the search code (V8 runs a function
// slowly until it has been called enough to be optimised) and for the tables built on first use
// (the sorted word lists behind typed beginnings). One single word did not reach what a real query
// uses: several words (each after the first only checks the clippings left), the proximity bonus,
// a whole word as well as a beginning. So the searches here are made of words of the archive's own
// titles, as a person would type them, and cover those paths.
import type { SearchOptions } from './engine.ts';
import { foldWord } from './normalize.ts';
import type { SearchIndex } from './search-index.ts';
import { isStopword } from './stopwords.ts';
import { words } from './tokenize.ts';

export interface WarmUpSearch {
  query: string;
  options: SearchOptions;
}

/** How many titles are read for words at most (the first live ones; enough in any real archive). */
const TITLES_READ = 50;
/** The page the app asks for (a hundred hits, their titles marked). */
const PAGE = 100;

/** Up to `count` distinct words of letters (no digits, no function words) from the first live titles. */
function titleWords(index: SearchIndex, count: number): string[] {
  const found: string[] = [];
  let read = 0;
  for (let doc = 0; doc < index.docCount && read < TITLES_READ && found.length < count; doc++) {
    if (index.deleted[doc]) continue;
    read += 1;
    for (const word of words(index.titles[doc] ?? '')) {
      const folded = foldWord(word);
      if (found.length < count && /^\p{L}[\p{L}\p{M}]+$/u.test(word) && !isStopword(folded) && !found.includes(word)) {
        found.push(word);
      }
    }
  }
  return found;
}

/** A typed beginning of a word: all but its last letter (at least two). */
function beginning(word: string): string {
  return word.length > 2 ? word.slice(0, -1) : word;
}

/**
 * The searches to warm up with, from the index's own words (none for an empty index). Each has
 * matches, as the words come from titles in the archive.
 */
export function warmUpSearches(index: SearchIndex): WarmUpSearch[] {
  const [a, b, c] = titleWords(index, 3);
  if (a === undefined) return [];
  const typing: SearchOptions = { limit: PAGE, typing: true };
  const whole: SearchOptions = { limit: PAGE };
  const searches: WarmUpSearch[] = [
    { query: a.slice(0, 2), options: typing },
    { query: a, options: whole },
  ];
  if (b !== undefined) {
    searches.push({ query: `${a} ${beginning(b)}`, options: typing });
    searches.push({ query: `${b} ${a}`, options: whole });
  }
  if (b !== undefined && c !== undefined) searches.push({ query: `${a} ${b} ${beginning(c)}`, options: typing });
  return searches;
}
