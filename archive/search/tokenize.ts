// Words of a text with their positions. A word is a run of letters, combining marks (matras,
// virama, anusvara, nukta), digits and joiners, so a Devanagari syllable is never cut; the danda
// (।, ॥), quotes, hyphens and other punctuation separate words, with or without a space after them.
export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}\u200C\u200D]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Just the words of a text, without positions (what the index needs, and faster). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
