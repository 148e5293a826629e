// Highlighting: every match however found, whole words, never a vowel sign cut from its consonant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeSpan, highlighterFor, toGuillemets, type Segment } from '../../../../archive/search/highlight.ts';
import { FIRST_ARTICLE_TEXT } from '../../../../archive/seed/index.ts';

const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');

describe('highlighter', () => {
  it('marks whole words, and gives back the text unchanged', () => {
    const text = 'प्रशांत कुमार कानपुर पहुंचे।';
    const segments = highlighterFor('कुमार').text(text);
    expect(segments).toEqual([
      { text: 'प्रशांत ', match: false },
      { text: 'कुमार', match: true },
      { text: ' कानपुर पहुंचे।', match: false },
    ]);
    expect(joined(segments)).toBe(text);
  });

  it('marks matches found through folding, stemming, sound and acronyms', () => {
    const text = 'सम्पादक ने पत्रकारों से कहा कि दिल्ली में एनडीए की बैठक है और आँख की जांच मुफ़्त है';
    expect(marked(highlighterFor('संपादक पत्रकार delhi NDA आंख').text(text))).toEqual([
      'सम्पादक',
      'पत्रकारों',
      'दिल्ली',
      'एनडीए',
      'आँख',
    ]);
  });

  it('marks a typed beginning as the whole word; not words only left out or in other fields', () => {
    expect(marked(highlighterFor('कमिश्न', { typing: true }).text('कमिश्नरेट प्रणाली'))).toEqual(['कमिश्नरेट']);
    expect(marked(highlighterFor('कानपुर -पुलिस publication:पुलिस').text('कानपुर पुलिस'))).toEqual(['कानपुर']);
    const titleOnly = highlighterFor('title:कानपुर');
    expect(marked(titleOnly.title('कानपुर पुलिस'))).toEqual(['कानपुर']);
    expect(marked(titleOnly.text('कानपुर पुलिस'))).toEqual([]);
  });

  it('a query with a syntax error marks nothing', () => {
    expect(marked(highlighterFor('titel:कानपुर').text('कानपुर'))).toEqual([]);
  });

  it('makes a CLI snippet around the first match with «…»', () => {
    const text = toGuillemets(highlighterFor('ड्रोन निगरानी').snippet(FIRST_ARTICLE_TEXT));
    expect(text).toContain('«ड्रोन» «निगरानी»');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.length).toBeLessThan(200);
    expect(toGuillemets(highlighterFor('').snippet(FIRST_ARTICLE_TEXT)).startsWith('उत्तर प्रदेश')).toBe(true);
  });

  it('never cuts a grapheme cluster, whatever the text (Intl.Segmenter)', () => {
    const segmenter = new Intl.Segmenter('hi', { granularity: 'grapheme' });
    const boundaries = (text: string) => new Set([...segmenter.segment(text)].map((s) => s.index).concat(text.length));
    // Devanagari letters, signs, virama, nukta, joiners, punctuation and spaces, in any order.
    const piece = fc.constantFrom(
      ...'कखगपरमनसहािीुूेैोौंँ़्ःअआइए।॥-" \u200D\u200C\u0600\u00AD\uFE0F'.split(''),
      'क्ष',
      'कानपुर',
      'पुलिस',
      '👍🏽',
      ' ',
    );
    const highlighter = highlighterFor('कानपुर पुलिस क ि');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const allowed = boundaries(text);
        const segments = highlighter.text(text);
        expect(joined(segments)).toBe(text);
        let at = 0;
        for (const s of segments) {
          expect(allowed.has(at), `cut at ${at} in ${JSON.stringify(text)}`).toBe(true);
          at += s.text.length;
        }
        for (const s of highlighter.snippet(text, 20)) {
          if (s.match) expect(boundaries(s.text).size).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('a passage marks just what the whole text marks there, and holds the first match', () => {
    // The passage analyses only the words it needs; what it marks must not differ from the whole text's marks.
    const word = fc.constantFrom('कानपुर', 'पुलिस', 'ने', 'शहर', 'में', 'पुलिसकर्मी', 'थाना।', '"पुलिस', 'Kanpur', 'कानपूर');
    const query = fc.constantFrom('पुलिस', 'कानपुर पुलिस', '"पुलिस ने"', 'कानपुर OR थाना', 'पुलि', 'title:शहर', '');
    const charMarks = (segments: Segment[]) => segments.flatMap((s) => [...s.text].map(() => s.match));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 120 }), query, fc.boolean(), (words, q, typing) => {
        const text = words.join(' ');
        const highlighter = highlighterFor(q, { typing });
        const whole = charMarks(highlighter.text(text));
        const passage = highlighter.snippet(text, 60);
        const shown = joined(passage).replace(/^… /, '').replace(/ …$/, '');
        const marks = charMarks(passage)
          .slice(joined(passage).startsWith('… ') ? 2 : 0)
          .slice(0, [...shown].length);
        const firstMarked = whole.indexOf(true);
        // Where in the text the passage lies: one of the places its text occurs there.
        const places: number[] = [];
        for (let at = text.indexOf(shown); at >= 0; at = at < text.length ? text.indexOf(shown, at + 1) : -1)
          places.push([...text.slice(0, at)].length);
        const agrees = (at: number) =>
          marks.every((m, i) => m === whole[at + i]) &&
          (firstMarked < 0 || (firstMarked >= at && firstMarked < at + marks.length));
        expect(places.some(agrees), JSON.stringify({ text, q, typing, passage })).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('graphemeSpan widens a span to whole clusters', () => {
    const text = '-िक';
    // The token starts at the dangling vowel sign, which belongs to the hyphen's cluster.
    expect(graphemeSpan(text, 1, 3)).toEqual([0, 3]);
  });
});
