import { normalizeWord } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/** The index terms of a text: its words, normalized. Used for documents and queries alike. */
export function analyze(text: string): string[] {
  return tokenize(text)
    .map((t) => normalizeWord(t.text))
    .filter((w) => w !== '');
}
