import { describe, expect, it } from 'vitest';
import {
  ClippingInputSchema,
  ClippingPatchSchema,
  applyPatch,
  createClipping,
  isValidPartialDate,
  type Clipping,
} from '../../../archive/clipping.ts';
import { fieldErrorsFromZod } from '../../../archive/errors.ts';

function fieldErrors(input: unknown) {
  const result = ClippingInputSchema.safeParse(input);
  return result.success ? [] : fieldErrorsFromZod(result.error);
}

describe('clipping validation', () => {
  it('accepts a minimal Hindi clipping and fills nothing it was not given', () => {
    const parsed = ClippingInputSchema.parse({ title: ' शीर्षक ', body: 'पहला अनुच्छेद।\nदूसरा।' });
    expect(parsed.title).toBe('शीर्षक');
    expect(parsed.body).toBe('पहला अनुच्छेद।\nदूसरा।');
    expect(parsed.publication).toBeUndefined();
  });

  it('requires a title and a text', () => {
    expect(fieldErrors({ title: '   ', body: 'x' })).toEqual([{ field: 'title', code: 'required' }]);
    expect(fieldErrors({ title: 't', body: '\n  \n' })).toEqual([{ field: 'body', code: 'required' }]);
    // Absent is "required" too (it was reported as a wrong type); a number for a text is the wrong type.
    expect(fieldErrors({ body: 'x' })).toEqual([{ field: 'title', code: 'required' }]);
    expect(fieldErrors({ title: 't' })).toEqual([{ field: 'body', code: 'required' }]);
    expect(fieldErrors({ title: 5, body: 'x' })).toEqual([{ field: 'title', code: 'type' }]);
  });

  it('stores text as NFC with Unix line ends and otherwise unchanged', () => {
    // ऩ (U+0929) is one of the Devanagari letters that NFC composes from न + nukta.
    const decomposed = 'तमिऩाडु café'.normalize('NFD');
    const composed = 'तमिऩाडु café'.normalize('NFC');
    expect(decomposed).not.toBe(composed);
    const parsed = ClippingInputSchema.parse({ title: decomposed, body: `  ${decomposed}\r\nदो\rतीन  ` });
    expect(parsed.title).toBe(composed);
    expect(parsed.body).toBe(`  ${composed}\nदो\nतीन  `);
  });

  it.each([
    ['2024', true],
    ['2024-02', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13', false],
    ['2024-04-31', false],
    ['24-01-01', false],
    ['2024/01/01', false],
    ['0999', false],
  ])('date %s valid: %s', (date, valid) => {
    expect(isValidPartialDate(date)).toBe(valid);
    expect(fieldErrors({ title: 't', body: 'b', date })).toEqual(valid ? [] : [{ field: 'date', code: 'badDate' }]);
  });

  it.each(['javascript:alert(1)', 'ftp://example.com/x', 'file:///etc/passwd', 'example.com', 'http://'])(
    'refuses the non-http url %s',
    (url) => {
      expect(fieldErrors({ title: 't', body: 'b', url })).toEqual([{ field: 'url', code: 'badUrl' }]);
    },
  );

  it('accepts http and https urls', () => {
    expect(fieldErrors({ title: 't', body: 'b', url: 'https://www.amarujala.com/kanpur/x' })).toEqual([]);
    expect(fieldErrors({ title: 't', body: 'b', url: 'http://example.in' })).toEqual([]);
  });

  it('refuses control characters, unpaired surrogates and unknown fields', () => {
    expect(fieldErrors({ title: 'a\u0007b', body: 'b' })).toEqual([{ field: 'title', code: 'control' }]);
    expect(fieldErrors({ title: 'a\nb', body: 'b' })).toEqual([{ field: 'title', code: 'control' }]);
    expect(fieldErrors({ title: 't', body: 'bad \uD800 half' })).toEqual([{ field: 'body', code: 'encoding' }]);
    expect(fieldErrors({ title: 't', body: 'b', colour: 'red' })).toEqual([{ field: 'colour', code: 'unknownField' }]);
    expect(fieldErrors({ title: 't'.repeat(501), body: 'b' })).toEqual([{ field: 'title', code: 'tooLong' }]);
  });

  it('keeps tabs and newlines in the text and an emoji pair', () => {
    expect(fieldErrors({ title: 't 😀', body: 'a\tb\nc 😀' })).toEqual([]);
  });

  it('cleans tags: trimmed, no empties, no repeats', () => {
    expect(ClippingInputSchema.parse({ title: 't', body: 'b', tags: [' पुलिस ', '', 'पुलिस', 'कानपुर'] }).tags).toEqual([
      'पुलिस',
      'कानपुर',
    ]);
  });
});

describe('records', () => {
  const now = '2026-01-02T03:04:05.000Z';

  it('creates a record with defaults and no undefined fields', () => {
    const clipping = createClipping(
      'abcdefgh1',
      ClippingInputSchema.parse({ title: 't', body: 'b', publication: '' }),
      now,
    );
    expect(clipping).toEqual({
      id: 'abcdefgh1',
      title: 't',
      body: 'b',
      language: 'hi',
      tags: [],
      addedAt: now,
      updatedAt: now,
    });
    expect(Object.keys(clipping)).not.toContain('publication');
  });

  it('applies a patch: changes given fields, clears those given as empty, keeps the rest', () => {
    const base: Clipping = createClipping(
      'abcdefgh1',
      ClippingInputSchema.parse({ title: 't', body: 'b', publication: 'दैनिक जागरण', author: 'क' }),
      now,
    );
    const patch = { title: 'नया', publication: '' };
    const next = applyPatch(
      base,
      ClippingPatchSchema.parse(patch),
      new Set(Object.keys(patch)),
      '2026-02-01T00:00:00.000Z',
    );
    expect(next.title).toBe('नया');
    expect(next.publication).toBeUndefined();
    expect(next.author).toBe('क');
    expect(next.addedAt).toBe(now);
    expect(next.updatedAt).toBe('2026-02-01T00:00:00.000Z');
  });
});
