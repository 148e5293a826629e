import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../archive/api.ts';
import { analyze } from '../../archive/search/analyze.ts';
import { SearchEngine } from '../../archive/search/engine.ts';
import { highlight, snippet, toGuillemets } from '../../archive/search/highlight.ts';
import { normalizeWord } from '../../archive/search/normalize.ts';
import { tokenize } from '../../archive/search/tokenize.ts';
import { FIRST_ARTICLE_TEXT } from '../../archive/seed/index.ts';

const doc = (id: string, title: string, body: string, addedAt = '2026-01-01T00:00:00.000Z'): SearchDoc => ({
  id,
  title,
  body,
  tags: [],
  addedAt,
});

describe('tokenize', () => {
  it('keeps vowel signs, virama and anusvara inside words', () => {
    expect(tokenize('हिंदी ममता प्रशांत').map((t) => t.text)).toEqual(['हिंदी', 'ममता', 'प्रशांत']);
  });

  it('splits at danda, quotes and hyphens, also with no space after them', () => {
    expect(tokenize('मिली है।इस “जन संवाद” कानून-व्यवस्था॥अंत').map((t) => t.text)).toEqual([
      'मिली',
      'है',
      'इस',
      'जन',
      'संवाद',
      'कानून',
      'व्यवस्था',
      'अंत',
    ]);
  });

  it('reports positions into the original text', () => {
    const text = 'कानपुर पुलिस';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('normalizeWord', () => {
  it('folds nukta, chandrabindu, joiners, Devanagari digits and case', () => {
    expect(normalizeWord('क़ानून')).toBe(normalizeWord('कानून'));
    expect(normalizeWord('आँख')).toBe('आंख');
    expect(normalizeWord('१९४७')).toBe('1947');
    expect(normalizeWord('\u0915\u094D\u200D\u0937')).toBe('\u0915\u094D\u0937');
    expect(normalizeWord('Delhi')).toBe('delhi');
  });

  it('does not merge different words', () => {
    expect(normalizeWord('ममता')).not.toBe(normalizeWord('मता'));
    expect(analyze('हिंदी')).toEqual(['हिंदी']);
  });
});

describe('SearchEngine', () => {
  const engine = new SearchEngine();
  engine.put(doc('seed', 'कानपुर कमिश्नरेट', FIRST_ARTICLE_TEXT, '2025-01-01T00:00:00.000Z'));
  engine.put(doc('mamta', 'ममता बनर्जी का बयान', 'कोलकाता में मुख्यमंत्री ममता ने कहा।', '2025-02-01T00:00:00.000Z'));
  engine.put(doc('law', 'क़ानून पर बहस', 'संसद में क़ानून और व्यवस्था पर चर्चा', '2025-03-01T00:00:00.000Z'));

  it('finds whole Hindi words and none by a fragment inside a word', () => {
    expect(engine.search('ममता').hits.map((h) => h.id)).toEqual(['mamta']);
    expect(engine.search('मता').total).toBe(0);
  });

  it('finds the first article by words from its text', () => {
    expect(engine.search('डीजीपी प्रशांत कुमार').hits.map((h) => h.id)).toEqual(['seed']);
    expect(engine.search('सीसीटीवी').hits.map((h) => h.id)).toEqual(['seed']);
  });

  it('requires every word to match', () => {
    expect(engine.search('ममता कानपुर').total).toBe(0);
  });

  it('treats words as prefixes while typing', () => {
    expect(engine.search('कमिश्न').hits.map((h) => h.id)).toEqual(['seed']);
  });

  it('folds nukta spellings both ways', () => {
    expect(engine.search('कानून').hits.map((h) => h.id)).toContain('law');
    expect(engine.search('क़ानून').hits.map((h) => h.id)).toContain('seed');
  });

  it('ranks a title hit above a text-only hit', () => {
    engine.put(doc('other', 'संसद सत्र', 'कानून व्यवस्था पर बात हुई', '2025-04-01T00:00:00.000Z'));
    const ids = engine.search('कानून').hits.map((h) => h.id);
    expect(ids.indexOf('law')).toBeLessThan(ids.indexOf('other'));
    engine.remove('other');
    expect(engine.search('संसद सत्र').total).toBe(0);
  });

  it('updates the index in place when a clipping changes', () => {
    engine.put(doc('mamta', 'ममता बनर्जी', 'अब पाठ बदला गया है'));
    expect(engine.search('कोलकाता').total).toBe(0);
    expect(engine.search('बदला').hits.map((h) => h.id)).toEqual(['mamta']);
  });
});

describe('highlight', () => {
  it('marks whole words, never part of a syllable', () => {
    const segments = highlight('प्रशांत कुमार कानपुर पहुंचे।', ['कुमार']);
    expect(segments).toEqual([
      { text: 'प्रशांत ', match: false },
      { text: 'कुमार', match: true },
      { text: ' कानपुर पहुंचे।', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('प्रशांत कुमार कानपुर पहुंचे।');
  });

  it('marks a typed prefix as the whole word it starts', () => {
    expect(
      highlight('कमिश्नरेट प्रणाली', ['कमिश्न'])
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(['कमिश्नरेट']);
  });

  it('makes a CLI snippet around the first match with «…»', () => {
    const text = toGuillemets(snippet(FIRST_ARTICLE_TEXT, ['ड्रोन']));
    expect(text).toContain('«ड्रोन»');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.length).toBeLessThan(200);
  });
});
