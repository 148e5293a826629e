// Marks the words of a text that a query matched. Matching works on whole tokens (never inside a
// syllable), with the same normalization and prefix rule as the index.
import { normalizeWord } from './normalize.ts';
import { tokenize } from './tokenize.ts';

export interface Segment {
  text: string;
  match: boolean;
}

export function isMatch(word: string, terms: readonly string[]): boolean {
  const normalized = normalizeWord(word);
  return terms.some((term) => normalized.startsWith(term));
}

/** The whole text cut into plain and matched segments. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const token of tokenize(text)) {
    if (!isMatch(token.text, terms)) continue;
    if (token.start > last) segments.push({ text: text.slice(last, token.start), match: false });
    segments.push({ text: token.text, match: true });
    last = token.end;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** A short passage around the first match (or the start), cut at word boundaries. */
export function snippet(text: string, terms: readonly string[], length = 160): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const tokens = tokenize(flat);
  const first = tokens.find((t) => isMatch(t.text, terms));
  let start = first ? Math.max(0, first.start - Math.floor(length / 3)) : 0;
  let end = Math.min(flat.length, start + length);
  // Move the edges out of the middle of a word.
  const startToken = tokens.find((t) => t.start < start && t.end > start);
  if (startToken) start = startToken.end;
  const endToken = tokens.find((t) => t.start < end && t.end > end);
  if (endToken) end = endToken.start;
  const segments = highlight(flat.slice(start, end).trim(), terms);
  if (start > 0) segments.unshift({ text: '… ', match: false });
  if (end < flat.length) segments.push({ text: ' …', match: false });
  return mergePlain(segments);
}

function mergePlain(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const s of segments) {
    const prev = merged.at(-1);
    if (prev && !prev.match && !s.match) prev.text += s.text;
    else merged.push({ ...s });
  }
  return merged;
}

/** The CLI's form of a snippet: plain text with each match in «…». */
export function toGuillemets(segments: readonly Segment[]): string {
  return segments.map((s) => (s.match ? `«${s.text}»` : s.text)).join('');
}
