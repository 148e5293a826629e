// The query language: what each piece parses to, the mistakes it reports (in both languages), and
// that no input whatever makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQueryError } from '../../../../archive/search/query-messages.ts';
import { parseQuery, type ParsedQuery, type QueryErrorCode } from '../../../../archive/search/query.ts';

function parsed(query: string, typing = false): ParsedQuery {
  const result = parseQuery(query, { typing });
  if (!result.ok) throw new Error(`${query}: ${result.error.code}`);
  return result.query;
}

function errorOf(query: string, typing = false): QueryErrorCode {
  const result = parseQuery(query, { typing });
  if (result.ok) throw new Error(`${query} parsed`);
  return result.error.code;
}

const wordsOf = (q: ParsedQuery) =>
  q.clauses.map((c) => ({
    negated: c.negated,
    terms: c.alternatives.map(
      (t) => `${t.field ?? ''}:${t.phrase ? '"' : ''}${t.words.map((w) => w.text + (w.prefix ? '*' : '')).join(' ')}`,
    ),
  }));

describe('parseQuery', () => {
  it('words: every one must match', () => {
    expect(wordsOf(parsed('कानपुर पुलिस'))).toEqual([
      { negated: false, terms: [':कानपुर'] },
      { negated: false, terms: [':पुलिस'] },
    ]);
  });

  it('a quoted phrase, also with typographic quotes', () => {
    expect(wordsOf(parsed('"जन संवाद"'))).toEqual([{ negated: false, terms: [':"जन संवाद'] }]);
    expect(wordsOf(parsed('“जन संवाद”'))).toEqual([{ negated: false, terms: [':"जन संवाद'] }]);
  });

  it('a word with a hyphen inside is a phrase', () => {
    expect(wordsOf(parsed('कानून-व्यवस्था'))).toEqual([{ negated: false, terms: [':"कानून व्यवस्था'] }]);
  });

  it('OR joins its neighbours into one clause', () => {
    expect(wordsOf(parsed('पुलिस कानपुर OR लखनऊ OR पटना'))).toEqual([
      { negated: false, terms: [':पुलिस'] },
      { negated: false, terms: [':कानपुर', ':लखनऊ', ':पटना'] },
    ]);
    // lower-case "or" is a word
    expect(parsed('rock or roll').clauses).toHaveLength(3);
  });

  it('-word and -"phrase" leave out', () => {
    expect(wordsOf(parsed('पुलिस -कानपुर -"जन संवाद"'))).toEqual([
      { negated: false, terms: [':पुलिस'] },
      { negated: true, terms: [':कानपुर'] },
      { negated: true, terms: [':"जन संवाद'] },
    ]);
  });

  it('prefix* and fields, English and Hindi names', () => {
    expect(
      wordsOf(parsed('कमिश्न* title:कानपुर शीर्षक:पुलिस publication:"अमर उजाला" tag:बाढ़ place:पटना author:शर्मा')),
    ).toEqual([
      { negated: false, terms: [':कमिश्न*'] },
      { negated: false, terms: ['title:कानपुर'] },
      { negated: false, terms: ['title:पुलिस'] },
      { negated: false, terms: ['publication:"अमर उजाला'] },
      { negated: false, terms: ['tag:बाढ़'] },
      { negated: false, terms: ['place:पटना'] },
      { negated: false, terms: ['author:शर्मा'] },
    ]);
  });

  it('dates: a year, a month, a range, open ranges, Devanagari digits, leaving out', () => {
    expect(parsed('date:2024').dates).toEqual([{ from: '2024', to: '2024', negated: false }]);
    expect(parsed('date:2024-01..2024-06').dates).toEqual([{ from: '2024-01', to: '2024-06', negated: false }]);
    expect(parsed('date:2023..').dates).toEqual([{ from: '2023', to: undefined, negated: false }]);
    expect(parsed('date:..2019-08-15').dates).toEqual([{ from: undefined, to: '2019-08-15', negated: false }]);
    expect(parsed('तारीख़:२०२४').dates).toEqual([{ from: '2024', to: '2024', negated: false }]);
    expect(parsed('-date:2020').dates).toEqual([{ from: '2020', to: '2020', negated: true }]);
  });

  it('तिथि: is a name for date: as तारीख़: is (the first-run guide shows it)', () => {
    expect(parsed('तिथि:2024-01..2024-06').dates).toEqual([{ from: '2024-01', to: '2024-06', negated: false }]);
    expect(parsed('बाढ़ -तिथि:२०२०').dates).toEqual([{ from: '2020', to: '2020', negated: true }]);
    expect(wordsOf(parsed('तिथि:2024'))).toEqual([]);
  });

  it('sort', () => {
    expect(parsed('कानपुर sort:newest').sort).toBe('newest');
    expect(parsed('sort:oldest').sort).toBe('oldest');
    expect(parsed('क्रम:पुराने').sort).toBe('oldest');
  });

  it('an address is text, not a field', () => {
    expect(parsed('https://example.com').clauses.length).toBeGreaterThan(0);
  });

  it('reports mistakes with a code and where they are', () => {
    expect(errorOf('"जन संवाद')).toBe('unclosedQuote');
    expect(errorOf('title:')).toBe('emptyField');
    expect(errorOf('titel:कानपुर')).toBe('unknownField');
    expect(errorOf('date:2024-13')).toBe('badDate');
    expect(errorOf('date:2023-02-30')).toBe('badDate');
    expect(errorOf('date:kal')).toBe('badDate');
    expect(errorOf('date:2024..2023')).toBe('reversedDates');
    expect(errorOf('sort:best')).toBe('badSort');
    expect(errorOf('OR कानपुर')).toBe('danglingOr');
    expect(errorOf('कानपुर OR')).toBe('danglingOr');
    expect(errorOf('कानपुर OR OR लखनऊ')).toBe('danglingOr');
    expect(errorOf('-कानपुर OR लखनऊ')).toBe('negatedOr');
    expect(errorOf('क*')).toBe('shortPrefix');
    expect(errorOf('।।')).toBe('nothingToSearch');
    const result = parseQuery('पुलिस titel:x');
    expect(!result.ok && result.error.at).toBe(6);
  });

  it('says every mistake in English and Hindi', () => {
    for (const query of [
      '"जन',
      'title:',
      'titel:x',
      'date:2024-13',
      'date:2024..2023',
      'sort:x',
      'OR x',
      '-a OR b',
      'क*',
      '।',
    ]) {
      const result = parseQuery(query);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const en = formatQueryError(result.error, 'en');
      const hi = formatQueryError(result.error, 'hi');
      expect(en).not.toMatch(/\{\{/);
      expect(hi).not.toMatch(/\{\{/);
      expect(hi).toMatch(/[\u0900-\u097F]/);
      expect(en).not.toBe(hi);
    }
    expect(formatQueryError({ code: 'unknownField', at: 0, params: { field: 'titel' } }, 'en')).toContain('titel');
  });

  it('while typing: the last word is a prefix and unfinished syntax waits', () => {
    const q = parsed('कानपुर पुलि', true);
    expect(q.clauses.at(-1)!.alternatives[0]!.words[0]).toMatchObject({ text: 'पुलि', prefix: true, implicit: true });
    expect(q.clauses[0]!.alternatives[0]!.words[0]!.prefix).toBe(false);
    expect(parsed('कानपुर ', true).clauses[0]!.alternatives[0]!.words[0]!.prefix).toBe(false);
    expect(parsed('"जन सं', true).clauses[0]!.alternatives[0]!.words.at(-1)).toMatchObject({ prefix: true });
    expect(parsed('कानपुर OR', true).clauses).toHaveLength(1);
    expect(parsed('कानपुर title:', true).clauses).toHaveLength(1);
    expect(parsed('-कानपुर', true).clauses[0]!.alternatives[0]!.words[0]!.prefix).toBe(false);
  });

  it('never throws, whatever the input', () => {
    const alphabet = fc.constantFrom(
      ...'कानपुर "-*:.OR dateiltesort२०२४1-। ()«»“”\\\u200D'.split(''),
      'OR',
      'date:',
      'title:',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), fc.boolean(), (parts, typing) => {
        const result = parseQuery(parts.join(''), { typing });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.boolean(), (query, typing) => {
        expect(typeof parseQuery(query, { typing }).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
