// The query language, parsed into clauses. It never throws: a mistake becomes a QuerySyntaxError
// with a code for messages (query-messages.ts) and the position it was found at.
//
//   words            every word must match:            कानपुर पुलिस
//   "exact phrase"   these words, one after another:   "जन संवाद"
//   OR               either side:                      कानपुर OR लखनऊ
//   -word            leave out:                        पुलिस -कानपुर      -"जन संवाद"
//   prefix*          words beginning so:               कमिश्न*
//   field:value      in one field (title publication author place tag; Hindi names too)
//   date:2024        date:2024-01..2024-06   date:2023..   date:..2019-08-15
//   sort:newest      sort:oldest   sort:relevance
//
// While typing (options.typing) the last word is a prefix, and an unfinished quote, a trailing OR
// or an empty field: are waited for instead of reported.
import { METADATA_FIELDS, type MetadataKey } from '../clipping-fields.ts';
import { asciiDigits, foldWord } from './normalize.ts';
import { tokenize } from './tokenize.ts';

export type FieldName = 'title' | MetadataKey;
/** The title and the metadata fields of the declaration (clipping-fields.ts). */
export const FIELDS: readonly FieldName[] = ['title', ...METADATA_FIELDS.map((m) => m.key)];
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

/**
 * What may stand before the colon: each field's query key and its name in the declaration (so
 * `tags:` too), then the Hindi names people type. These are words of the query language, kept with
 * its other words (dates, orders) rather than in the declaration; a field without one here is still
 * searchable by its key.
 */
const FIELD_NAMES: Record<string, FieldName | 'date' | 'sort'> = {
  title: 'title',
  ...Object.fromEntries(
    METADATA_FIELDS.flatMap((m) => [
      [m.key, m.key],
      [m.field, m.key],
    ]),
  ),
  शीर्षक: 'title',
  प्रकाशन: 'publication',
  अखबार: 'publication',
  लेखक: 'author',
  स्थान: 'place',
  जगह: 'place',
  टैग: 'tag',
  date: 'date',
  तारीख: 'date',
  तिथि: 'date',
  दिनांक: 'date',
  sort: 'sort',
  क्रम: 'sort',
};

const SORT_NAMES: Record<string, SortOrder> = {
  relevance: 'relevance',
  newest: 'newest',
  oldest: 'oldest',
  प्रासंगिकता: 'relevance',
  नए: 'newest',
  नया: 'newest',
  नवीनतम: 'newest',
  पुराने: 'oldest',
  पुराना: 'oldest',
};

export interface QueryWord {
  /** As typed (one word of the tokenizer). */
  text: string;
  prefix: boolean;
  /** The last word while typing: a prefix the user did not ask for. */
  implicit: boolean;
}

/** A word, or a phrase (words that must follow each other), in one field or in any. */
export interface QueryTerm {
  field: FieldName | undefined;
  words: QueryWord[];
  phrase: boolean;
}

/** Terms joined by OR; a clause must match (or, negated, must not). */
export interface QueryClause {
  negated: boolean;
  alternatives: QueryTerm[];
}

/** Inclusive, compared on as many characters as each end has: 2024-01..2024-06. */
export interface DateRange {
  from: string | undefined;
  to: string | undefined;
  /** -date:2020: leave these dates out. */
  negated: boolean;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  dates: DateRange[];
  sort: SortOrder | undefined;
}

export type QueryErrorCode =
  | 'unclosedQuote'
  | 'emptyField'
  | 'unknownField'
  | 'badDate'
  | 'reversedDates'
  | 'badSort'
  | 'danglingOr'
  | 'negatedOr'
  | 'shortPrefix'
  | 'nothingToSearch';

export interface QuerySyntaxError {
  code: QueryErrorCode;
  params: Record<string, string>;
  /** Character offset in the query where the problem is. */
  at: number;
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: QuerySyntaxError };

export interface ParseOptions {
  typing?: boolean;
}

const QUOTES = '"“”„«»';
const MIN_PREFIX_CHARS = 2;

interface RawToken {
  text: string;
  at: number;
  negated: boolean;
  /** field name as written, when "name:" precedes the value */
  field: string | undefined;
  quoted: boolean;
  closed: boolean;
  /** the raw token was the operator OR */
  or: boolean;
}

class QueryError extends Error {
  constructor(readonly info: QuerySyntaxError) {
    super(info.code);
  }
}

function fail(code: QueryErrorCode, at: number, params: Record<string, string> = {}): never {
  throw new QueryError({ code, at, params });
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/** Splits the query into raw tokens: quotes, -, field:, OR. */
function lex(query: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < query.length) {
    if (isSpace(query[i])) {
      i += 1;
      continue;
    }
    const at = i;
    let negated = false;
    if (query[i] === '-' && i + 1 < query.length && !isSpace(query[i + 1])) {
      negated = true;
      i += 1;
    }
    let field: string | undefined;
    const fieldMatch = /^([\p{L}\p{M}_]+):/u.exec(query.slice(i));
    const looksLikeField =
      fieldMatch &&
      query[i + fieldMatch[0].length] !== '/' && // an address (https://…) is text, not a field
      (/^[A-Za-z_]+$/.test(fieldMatch[1]!) || foldWord(fieldMatch[1]!) in FIELD_NAMES);
    if (fieldMatch && looksLikeField) {
      field = fieldMatch[1]!;
      i += fieldMatch[0].length;
    }
    if (QUOTES.includes(query[i] ?? '\0')) {
      const start = i + 1;
      let end = start;
      while (end < query.length && !QUOTES.includes(query[end]!)) end += 1;
      const closed = end < query.length;
      tokens.push({ text: query.slice(start, end), at, negated, field, quoted: true, closed, or: false });
      i = closed ? end + 1 : end;
      continue;
    }
    let end = i;
    while (end < query.length && !isSpace(query[end])) end += 1;
    const text = query.slice(i, end);
    const or = text === 'OR' && !negated && field === undefined;
    tokens.push({ text, at, negated, field, quoted: false, closed: true, or });
    i = end;
  }
  return tokens;
}

const DATE_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function checkDate(text: string, at: number): string {
  const value = asciiDigits(text);
  const m = DATE_PART.exec(value);
  if (!m) fail('badDate', at, { value: text });
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) fail('badDate', at, { value: text });
  if (day !== undefined) {
    const days = new Date(Date.UTC(Number(m[1]), month!, 0)).getUTCDate();
    if (day < 1 || day > days) fail('badDate', at, { value: text });
  }
  return value;
}

function parseDate(value: string, at: number, negated: boolean): DateRange {
  const parts = value.split('..');
  if (parts.length > 2 || value === '..' || value === '') fail('badDate', at, { value });
  if (parts.length === 1) {
    const date = checkDate(parts[0]!, at);
    return { from: date, to: date, negated };
  }
  const from = parts[0] === '' ? undefined : checkDate(parts[0]!, at);
  const to = parts[1] === '' ? undefined : checkDate(parts[1]!, at);
  if (from !== undefined && to !== undefined && from.slice(0, to.length) > to && to.slice(0, from.length) < from) {
    fail('reversedDates', at, { from, to });
  }
  return { from, to, negated };
}

/** Words of a value as query words; the last may be a prefix (written with *, or while typing). */
function wordsOf(token: RawToken, implicitPrefix: boolean): QueryWord[] {
  let text = token.text;
  let prefix = false;
  if (!token.quoted && text.endsWith('*')) {
    prefix = true;
    text = text.replace(/\*+$/, '');
  }
  const words = tokenize(text).map((t) => ({ text: t.text, prefix: false, implicit: false }));
  const last = words.at(-1);
  if (last && prefix) {
    if ([...last.text].length < MIN_PREFIX_CHARS) fail('shortPrefix', token.at, { word: last.text });
    last.prefix = true;
  } else if (prefix) fail('shortPrefix', token.at, { word: token.text });
  else if (last && implicitPrefix) {
    last.prefix = true;
    last.implicit = true;
  }
  return words;
}

function parseTokens(query: string, typing: boolean): ParsedQuery {
  const tokens = lex(query);
  const endsOpen = typing && query.length > 0 && !isSpace(query.at(-1));
  // While typing, what is still being written at the end is not (yet) a mistake.
  if (typing) {
    while (tokens.length > 0) {
      const last = tokens.at(-1)!;
      const emptyField = last.field !== undefined && last.text.trim() === '' && (!last.quoted || !last.closed);
      if (last.or || emptyField) tokens.pop();
      else break;
    }
  }
  const clauses: QueryClause[] = [];
  const dates: DateRange[] = [];
  let sort: SortOrder | undefined;
  let joinNext = false;
  tokens.forEach((token, index) => {
    if (token.or) {
      const previous = clauses.at(-1);
      if (!previous || joinNext || index === tokens.length - 1) fail('danglingOr', token.at);
      if (previous.negated) fail('negatedOr', token.at);
      joinNext = true;
      return;
    }
    if (token.quoted && !token.closed && !typing) fail('unclosedQuote', token.at);
    const isLast = index === tokens.length - 1;
    let field: FieldName | undefined;
    if (token.field !== undefined) {
      const name = FIELD_NAMES[token.field.toLowerCase()] ?? FIELD_NAMES[foldWord(token.field)];
      if (name === undefined) fail('unknownField', token.at, { field: token.field });
      if (token.text === '') fail('emptyField', token.at, { field: token.field });
      if (name === 'date' || name === 'sort') {
        if (joinNext) fail('danglingOr', token.at);
        if (name === 'date') dates.push(parseDate(token.text.trim(), token.at, token.negated));
        else {
          const order = SORT_NAMES[token.text.toLowerCase()] ?? SORT_NAMES[foldWord(token.text)];
          if (order === undefined) fail('badSort', token.at, { value: token.text });
          sort = order;
        }
        return;
      }
      field = name;
    }
    const implicit = endsOpen && isLast && !token.negated && (!token.quoted || !token.closed);
    const words = wordsOf(token, implicit);
    if (words.length === 0) {
      if (joinNext) fail('danglingOr', token.at);
      return; // punctuation only
    }
    // A quoted word is exact too: "खट्टा" finds खट्टा (and its spellings), not खट्टी.
    const term: QueryTerm = { field, words, phrase: words.length > 1 || (token.quoted && !implicit) };
    if (joinNext) {
      if (token.negated) fail('negatedOr', token.at);
      clauses.at(-1)!.alternatives.push(term);
      joinNext = false;
    } else clauses.push({ negated: token.negated, alternatives: [term] });
  });
  if (joinNext) fail('danglingOr', query.length);
  return { clauses, dates, sort };
}

/** Parses a query; never throws. An empty query (or only spaces) is a valid query with no clauses. */
export function parseQuery(query: string, options: ParseOptions = {}): ParseResult {
  try {
    const parsed = parseTokens(query, options.typing ?? false);
    if (parsed.clauses.length === 0 && parsed.dates.length === 0 && query.trim() !== '' && parsed.sort === undefined) {
      fail('nothingToSearch', 0);
    }
    return { ok: true, query: parsed };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.info };
    return { ok: false, error: { code: 'nothingToSearch', at: 0, params: {} } };
  }
}

/** True when the parsed query asks for nothing: the whole archive, newest first. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.clauses.length === 0 && query.dates.length === 0;
}
