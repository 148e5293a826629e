// Marks the words of a text that a query matched — however they matched (exact, folded, stemmed,
// prefix, sound) — using the same rules as the index (matcher.ts); a quoted phrase is marked only
// where its words stand together. Marks cover whole words, and their edges are moved to grapheme
// cluster boundaries (Intl.Segmenter), so a vowel sign is never cut from its consonant even in odd
// text (a matra after punctuation).
import { wordKeys, type StemOrder } from './analyze.ts';
import { compileWord, levelFor, type CompiledWord } from './matcher.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { tokenize, type Token } from './tokenize.ts';
import { termOf, type StoredTerm } from './vocabulary.ts';

export interface Segment {
  text: string;
  match: boolean;
}

export interface Highlighter {
  /** A title, whole, with its matches marked. */
  title(text: string): Segment[];
  /** A clipping's text (or any other field shown in full), with its matches marked. */
  text(text: string): Segment[];
  /** A short passage of the text around the first match (the opening lines without one). */
  snippet(text: string, length?: number): Segment[];
}

/** One word, or the words of a phrase (marked only together). */
interface MarkTerm {
  words: CompiledWord[];
  phrase: boolean;
}

const CACHE_LIMIT = 20_000;
const caches = new Map<StemOrder, Map<string, StoredTerm>>();

/** Words already analyzed, shared by all highlighters (a word's keys never change). */
function analysisCache(order: StemOrder): Map<string, StoredTerm> {
  let cache = caches.get(order);
  if (!cache) caches.set(order, (cache = new Map()));
  return cache;
}

/** The highlighter of a parsed query: the words of its clauses that are not negated. */
export function createHighlighter(query: ParsedQuery, order: StemOrder = 'stem-first'): Highlighter {
  const titleTerms: MarkTerm[] = [];
  const textTerms: MarkTerm[] = [];
  for (const clause of query.clauses) {
    if (clause.negated) continue;
    for (const term of clause.alternatives) {
      if (term.field !== undefined && term.field !== 'title') continue;
      const mark: MarkTerm = { words: term.words.map((w) => compileWord(w, order, term.phrase)), phrase: term.phrase };
      titleTerms.push(mark);
      if (term.field === undefined) textTerms.push(mark);
    }
  }
  const cache = analysisCache(order);
  const keysOf = (word: string) => {
    let keys = cache.get(word);
    if (keys === undefined) {
      if (cache.size > CACHE_LIMIT) cache.clear();
      keys = termOf(wordKeys(word, order));
      cache.set(word, keys);
    }
    return keys;
  };
  const marks = (tokens: Token[], terms: MarkTerm[]) => markTokens(tokens, terms, keysOf);
  return {
    title: (text) => {
      const tokens = tokenize(text);
      return segmentsOf(text, tokens, marks(tokens, titleTerms));
    },
    text: (text) => {
      const tokens = tokenize(text);
      return segmentsOf(text, tokens, marks(tokens, textTerms));
    },
    snippet: (text, length = 160) => {
      const flat = text.replace(/\s+/g, ' ').trim();
      const tokens = tokenize(flat);
      // Only the words up to the first match and those of the passage are analysed: the rest of a
      // long text cannot change the passage, and analysing every word was most of its cost.
      const [start, end] = passageSpan(flat, tokens, firstMatch(tokens, textTerms, keysOf), length);
      const from = tokens.findIndex((t) => t.end > start);
      const to = tokens.findIndex((t) => t.start >= end);
      const marked = markTokens(tokens, textTerms, keysOf, Math.max(0, from), to < 0 ? tokens.length : to);
      return passageOf(flat, tokens, marked, start, end);
    },
  };
}

/** The highlighter of a query as typed (a query with a syntax error marks nothing). */
export function highlighterFor(query: string, options: { typing?: boolean; stemOrder?: StemOrder } = {}): Highlighter {
  const parsed = parseQuery(query, { typing: options.typing ?? false });
  return createHighlighter(parsed.ok ? parsed.query : { clauses: [], dates: [], sort: undefined }, options.stemOrder);
}

/**
 * Which tokens to mark: a word wherever it matches, a phrase where all its words follow each other.
 * Only matches starting at tokens from…to - 1 are looked for, so only the words they need are
 * analysed (a passage starts at or before the text's first match: none starts before it).
 */
function markTokens(
  tokens: Token[],
  terms: MarkTerm[],
  keysOf: (word: string) => StoredTerm,
  from = 0,
  to = tokens.length,
): Uint8Array {
  const marked = new Uint8Array(tokens.length);
  for (const term of terms) {
    const n = term.words.length;
    for (let i = from; i < to; i++) {
      if (matchesAt(term, tokens, i, keysOf)) marked.fill(1, i, i + n);
    }
  }
  return marked;
}

/** The first token any term matches at (a phrase's first word), or -1: words after it are not analysed. */
function firstMatch(tokens: Token[], terms: MarkTerm[], keysOf: (word: string) => StoredTerm): number {
  for (let i = 0; i < tokens.length; i++) {
    if (terms.some((term) => matchesAt(term, tokens, i, keysOf))) return i;
  }
  return -1;
}

/** Whether the term's words match the tokens from i on (a phrase past the last token does not). */
function matchesAt(term: MarkTerm, tokens: Token[], i: number, keysOf: (word: string) => StoredTerm): boolean {
  if (i + term.words.length > tokens.length) return false;
  return term.words.every((q, j) => levelFor(q, keysOf(tokens[i + j]!.text)) >= 0);
}

let segmenter: Intl.Segmenter | undefined;

/** The start of the grapheme cluster holding `start`, and the end of the one holding `end - 1`. */
export function graphemeSpan(text: string, start: number, end: number): [number, number] {
  segmenter ??= new Intl.Segmenter('hi', { granularity: 'grapheme' });
  const segments = segmenter.segment(text);
  const first = segments.containing(start);
  const last = segments.containing(Math.max(start, end - 1));
  return [first?.index ?? start, last ? last.index + last.segment.length : end];
}

/**
 * Could a token share a grapheme cluster with the text around it? Only if it starts with a mark or
 * joiner (attached to what is before it), the text after it starts with one, or a format character
 * before it attaches to it; otherwise its own edges are cluster boundaries and Intl.Segmenter need
 * not be asked.
 */
function mayShareCluster(text: string, token: Token): boolean {
  return (
    EXTEND.test(token.text[0] ?? '') ||
    (token.end < text.length && EXTEND.test(text[token.end]!)) ||
    (token.start > 0 && PREPEND.test(text[token.start - 1]!)) // e.g. U+0600, which joins what follows
  );
}
const EXTEND = /[\p{M}\p{Cf}\u200C\u200D]/u;
const PREPEND = /\p{Cf}/u;

/** text[from, to) cut into plain and marked segments (marked tokens widened to whole clusters). */
export function segmentsOf(text: string, tokens: Token[], marked: Uint8Array, from = 0, to = text.length): Segment[] {
  const segments: Segment[] = [];
  let last = from;
  tokens.forEach((token, i) => {
    if (!marked[i] || token.start < from || token.end > to || token.end <= last) return;
    const [clusterStart, clusterEnd] = mayShareCluster(text, token)
      ? graphemeSpan(text, token.start, token.end)
      : [token.start, token.end];
    const start = Math.max(clusterStart, last);
    const end = Math.min(clusterEnd, to);
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    const previous = segments.at(-1);
    // Two marked words that share a cluster (rare) become one mark.
    if (previous?.match && start === last) previous.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), match: true });
    last = end;
  });
  if (last < to) segments.push({ text: text.slice(last, to), match: false });
  return segments;
}

/** Where the passage lies: around the first match (a third of it before), on word and cluster edges. */
function passageSpan(flat: string, tokens: Token[], firstMatched: number, length: number): [number, number] {
  const first = firstMatched >= 0 ? tokens[firstMatched] : undefined;
  let start = first ? Math.max(0, first.start - Math.floor(length / 3)) : 0;
  let end = Math.min(flat.length, start + length);
  const startToken = tokens.find((t) => t.start < start && t.end > start);
  if (startToken) start = startToken.end;
  const endToken = tokens.find((t) => t.start < end && t.end > end);
  if (endToken) end = endToken.start;
  if (start > 0 && start < flat.length) start = graphemeSpan(flat, start, start + 1)[0];
  if (end < flat.length && end > start) end = graphemeSpan(flat, end, end + 1)[0];
  while (start < end && flat[start] === ' ') start += 1;
  while (end > start && flat[end - 1] === ' ') end -= 1;
  return [start, end];
}

/** The passage start…end with its marks, and "…" where text was left out. */
function passageOf(flat: string, tokens: Token[], marked: Uint8Array, start: number, end: number): Segment[] {
  const segments = segmentsOf(flat, tokens, marked, start, end);
  if (start > 0) segments.unshift({ text: '… ', match: false });
  if (end < flat.length) segments.push({ text: ' …', match: false });
  return mergePlain(segments);
}

function mergePlain(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const s of segments) {
    const prev = merged.at(-1);
    if (prev && !prev.match && !s.match) prev.text += s.text;
    else if (s.text !== '') merged.push({ ...s });
  }
  return merged;
}

/** The CLI's form of a snippet: plain text with each match in «…». */
export function toGuillemets(segments: readonly Segment[]): string {
  return segments.map((s) => (s.match ? `«${s.text}»` : s.text)).join('');
}
