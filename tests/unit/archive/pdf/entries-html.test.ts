// The print HTML (archive/pdf/): untrusted text only ever as text, nothing that could load or run,
// the bundled fonts inline, labels and dates in Hindi or English.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../archive/clipping.ts';
import { chunkClippings } from '../../../../archive/pdf/chunks.ts';
import { entriesHtml } from '../../../../archive/pdf/entries-html.ts';
import { escapeHtml, shorten } from '../../../../archive/pdf/escape.ts';
import { pdfFileName } from '../../../../archive/pdf/export-pdf.ts';
import { FONT_FAMILY } from '../../../../archive/pdf/fonts.ts';
import { frontMatterHtml } from '../../../../archive/pdf/front-matter-html.ts';
import { formatClippingDate } from '../../../../archive/pdf/labels.ts';
import { PdfOptionsSchema } from '../../../../archive/pdf/options.ts';
import { runningHeadsHtml } from '../../../../archive/pdf/running-heads-html.ts';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)><style>*{display:none}</style>&amp; 'q'`;

function clipping(overrides: Partial<Clipping> = {}): Clipping {
  return {
    id: 'abcdefgh1234',
    title: 'गंगा में बढ़ा जलस्तर',
    body: 'पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।',
    language: 'hi',
    tags: [],
    addedAt: '2024-07-15T10:00:00.000Z',
    updatedAt: '2024-07-15T10:00:00.000Z',
    ...overrides,
  };
}

const hindi = PdfOptionsSchema.parse({});
const english = PdfOptionsSchema.parse({ language: 'en', pageSize: 'Letter', typeface: 'serif' });

/** The markup of a document with its <style> (fonts, CSS) left out. */
function markup(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
}

describe('escapeHtml', () => {
  it('turns every markup character into an entity, and the browser reads the text back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        const back = escaped
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        expect(back).toBe(text);
      }),
    );
  });

  it('shortens by whole graphemes, never splitting a conjunct or a vowel sign', () => {
    expect(shorten('क्षत्रिय', 2)).toBe('क्षत्रि…');
    expect(shorten('कि', 1)).toBe('कि');
    expect(shorten('गंगा में बाढ़', 3)).toBe('गंगा…');
    const devanagari = fc.string({ unit: fc.constantFrom(...'कषतरमनिीुूेैोंँ़् ज़'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(devanagari, fc.integer({ min: 1, max: 30 }), (text, max) => {
        const short = shorten(text, max);
        if (short === text) return;
        const kept = short.slice(0, -1).trimEnd();
        expect(short.endsWith('…')).toBe(true);
        expect(text.startsWith(kept)).toBe(true);
        // The cut never leaves a sign without its letter, nor a letter without its sign.
        expect(text.slice(kept.length)).not.toMatch(/^[\p{M}\u200C\u200D]/u);
      }),
    );
  });
});

describe('entriesHtml', () => {
  it('puts hostile clipping text in as text only: no tag, attribute or style of its own', () => {
    const html = entriesHtml(
      [
        clipping({
          title: HOSTILE,
          body: `${HOSTILE}\nसामान्य पंक्ति`,
          notes: HOSTILE,
          publication: HOSTILE,
          author: HOSTILE,
          tags: [HOSTILE],
          url: 'https://example.com/a?b="c"&d=<e>',
        }),
      ],
      hindi,
    );
    const page = markup(html);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('href="https://example.com/a?b=&quot;c&quot;&amp;d=&lt;e&gt;"');
    // 5 fields + body + notes + tag: every occurrence escaped.
    expect(page.split('&lt;img src=x onerror=alert(1)&gt;').length - 1).toBe(7);
  });

  it('forbids scripts and every request in the page itself; the fonts are inline data', () => {
    const html = entriesHtml([clipping({ url: 'https://example.com/story' })], hindi);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; script-src 'none'; base-uri 'none'; form-action 'none'">`,
    );
    expect(html).toContain(`font-family: '${FONT_FAMILY.sans}'`);
    expect(html.match(/src:url\(data:font\/woff2;base64,/g)).toHaveLength(6); // 2 weights × 3 subsets
    // The only URL is the clipping's own, as a link; nothing with src= or url(http…).
    expect(markup(html).match(/https?:\/\//g)).toEqual(['https://', 'https://']);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/);
  });

  it('gives each clipping an article with its title as the heading, the details and its paragraphs', () => {
    const html = markup(
      entriesHtml(
        [
          clipping({ publication: 'हिंदुस्तान', date: '2024-07-15', place: 'पटना', tags: ['बाढ़', 'पटना'] }),
          clipping({ id: 'second000000', title: 'दूसरी ख़बर', date: '2024-07', notes: 'टिप्पणी' }),
        ],
        hindi,
      ),
    );
    expect(html.match(/<article class="entry" lang="hi">/g)).toHaveLength(2);
    expect(html.match(/<h1 class="entry-title">/g)).toHaveLength(2);
    expect(html).toContain('<dt>प्रकाशन</dt><dd lang="hi">हिंदुस्तान</dd>');
    expect(html).toContain('<dt>तारीख़</dt><dd>15 जुलाई 2024</dd>');
    expect(html).toContain('<dt>तारीख़</dt><dd>जुलाई 2024</dd>');
    expect(html).toContain('<span>बाढ़</span><span>पटना</span>');
    expect(html).toContain('<p>पहला अनुच्छेद।</p>\n<p>दूसरा अनुच्छेद।</p>');
    expect(html).toContain('<h2 lang="hi">टिप्पणियाँ</h2><p>टिप्पणी</p>');
  });

  it('prints English labels and dates, the serif face and Letter paper when asked', () => {
    const html = entriesHtml([clipping({ date: '2024-07-15', author: 'संवाददाता' })], english);
    expect(html).toContain('@page { size: letter portrait;');
    expect(html).toContain(`font-family: '${FONT_FAMILY.serif}'`);
    expect(html).toContain('<dt>Date</dt><dd>15 July 2024</dd>');
    expect(html).toContain('<dt>Author</dt><dd lang="hi">संवाददाता</dd>');
  });
});

describe('front matter and running heads', () => {
  it('says what was exported, when and how many, and lists each clipping with its page', () => {
    const html = markup(
      frontMatterHtml(
        {
          clippings: [
            clipping({ publication: 'हिंदुस्तान', date: '2024-07-15' }),
            clipping({ id: 'b0000000', title: HOSTILE }),
          ],
          selection: { kind: 'query', query: 'बाढ़ <b>' },
          exportedAt: new Date('2024-08-01T06:30:00Z'),
          startPages: [3, 5],
        },
        hindi,
      ),
    );
    expect(html).toContain('<dt>क्या निर्यात हुआ</dt><dd>खोज: “बाढ़ &lt;b&gt;”</dd>');
    expect(html).toContain('<dt>कतरनें</dt><dd>2</dd>');
    expect(html).toContain('<h1>विषय-सूची</h1>');
    expect(html).toMatch(
      /<span class="toc-title">गंगा में बढ़ा जलस्तर<\/span><span class="toc-sub">हिंदुस्तान · 15 जुलाई 2024<\/span><\/span><span class="toc-page">3<\/span>/,
    );
    expect(html).toContain('<span class="toc-page">5</span>');
    expect(html).not.toContain('<script');
  });

  it('numbers every page "X of Y" in the chosen language and leaves the cover bare', () => {
    const heads = [
      { blank: true, title: undefined, lang: 'hi' },
      { blank: false, title: 'विषय-सूची', lang: 'hi' },
      { blank: false, title: HOSTILE, lang: 'hi' },
    ];
    const hi = markup(runningHeadsHtml(heads, hindi));
    expect(hi.match(/<div class="sheet">/g)).toHaveLength(3);
    expect(hi).toContain('<div class="sheet"></div>');
    expect(hi).toContain('<div class="folio">पृष्ठ 2 / 3</div>');
    expect(hi).toContain('<div class="folio">पृष्ठ 3 / 3</div>');
    expect(hi).not.toContain('पृष्ठ 1 / 3');
    expect(hi).not.toContain('<script');
    expect(markup(runningHeadsHtml(heads, english))).toContain('<div class="folio">Page 3 of 3</div>');
  });
});

describe('helpers', () => {
  it('formats partial dates in Hindi and English', () => {
    expect(formatClippingDate('2024', 'hi')).toBe('2024');
    expect(formatClippingDate('2024-02', 'en')).toBe('February 2024');
    expect(formatClippingDate('2024-02-29', 'hi')).toBe('29 फ़रवरी 2024');
  });

  it('splits large exports into bounded print jobs, a long clipping alone', () => {
    const short = (i: number) => clipping({ id: `short${String(i).padStart(4, '0')}`, body: 'क'.repeat(100) });
    const parts = chunkClippings(
      [short(1), short(2), short(3), clipping({ id: 'long00000000', body: 'ख'.repeat(5000) }), short(4)],
      { entries: 2, chars: 1000 },
    );
    expect(parts.map((part) => part.map((c) => c.id))).toEqual([
      ['short0001', 'short0002'],
      ['short0003'],
      ['long00000000'],
      ['short0004'],
    ]);
  });

  it('names the file after a single clipping, safely, else after the archive and the day', () => {
    const at = new Date('2024-08-01T06:30:00Z');
    expect(pdfFileName([clipping({ title: 'गंगा: बाढ़/राहत? "ताज़ा" <अपडेट>' })], at)).toBe('गंगा बाढ़ राहत ताज़ा अपडेट.pdf');
    expect(pdfFileName([clipping({ title: '../../../..' })], at)).toBe('press-archive-2024-08-01.pdf');
    expect(pdfFileName([clipping(), clipping()], at)).toBe('press-archive-2024-08-01.pdf');
  });
});
