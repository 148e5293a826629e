// Property-based tests: the API, through the dispatcher every transport uses, fed hostile values
// (wrong types, huge strings, control characters, unpaired surrogates, HTML and script, impossible
// dates, path tricks, prototype keys). Whatever comes in: no crash, no 'internal' error, a clear
// message in English and Hindi for every refusal, a refused call leaves every file as it was, and
// every stored record is valid.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../archive/api.ts';
import {
  ClippingInputSchema,
  ClippingSchema,
  isHttpUrl,
  isValidPartialDate,
  type Clipping,
} from '../../../archive/clipping.ts';
import { CLIPPING_FIELDS, FIELD_NAMES } from '../../../archive/clipping-fields.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { formatError } from '../../../archive/messages.ts';
import { ArchiveService } from '../../../archive/service.ts';
import { checkArchive } from '../../../archive/storage/check.ts';
import { createDispatcher, type Dispatch } from '../../../archive/transport/dispatch.ts';
import { snapshotFiles } from '../../support/snapshot.ts';
import { tempDir } from '../../support/temp.ts';

const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
// Cases per property: fast-check's usual 100, more (300) where the generator mostly makes refusals
// and stored records are rarer; each run draws a new seed, so runs add up to far more.
const runs = (n: number) => ({ numRuns: n, seed: SEED, endOnFailure: true });

let dir: string;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
let knownId: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-property-'));
  dir = join(dir, 'archive');
  dispatch = createDispatcher(await ArchiveService.open(dir));
  knownId = ((await dispatch('list', {})) as { value: { id: string }[] }).value[0]!.id;
  console.log(`property tests: seed ${SEED} (PROPERTY_SEED=${SEED} repeats this run)`);
});
afterAll(() => cleanup());

// ---- hostile values ----

const HUGE = 'ख़'.repeat(600_000); // 1.2 M UTF-16 units: over every limit
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));
const payloads = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(document.cookie)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  "'; DROP TABLE clippings; --",
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32\\config',
  '/dev/zero',
  'C:\\Windows\\win.ini',
  'file:///etc/shadow',
  '%2e%2e%2f%2e%2e%2fmanifest.json',
  'shards/000001-g1.json',
  'backups/../manifest.json',
  '__proto__',
  'constructor',
  '\u202Eअखबार\u202C',
  'ज़\u200Bरूरी',
  'कु\u0000मार',
  'e\u0301', // not NFC
  '\uFEFFबीओएम',
  ' ',
  '',
);
const impossibleDates = fc.constantFrom(
  '2024-02-30',
  '2023-02-29',
  '2024-04-31',
  '0000-00-00',
  '0999',
  '9999-99-99',
  '2024-13-01',
  '2024-1-1',
  '२०२४-०१-०१',
  '2024-01-01T00:00:00Z',
  ' 2024',
  '2024/01/01',
  'NaN',
);
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 2 }), control), maxLength: 30 }),
  },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(fc.string({ maxLength: 2 }), loneSurrogate), maxLength: 20 }) },
  { weight: 3, arbitrary: payloads },
  { weight: 2, arbitrary: impossibleDates },
  { weight: 1, arbitrary: fc.constantFrom(HUGE, 'क'.repeat(501), 'a'.repeat(2001), 'x'.repeat(51)) },
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, -1, 1e308, Number.NaN, true, [], {}) },
  { weight: 1, arbitrary: fc.constant(undefined) }, // over IPC (structured clone) a key can carry undefined
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 101 }, (_, i) => `टैग ${i}`)) },
);
const plausible = {
  title: fc.constantFrom('गंगा में बढ़ा जलस्तर', 'Budget passed', 'ख़बर'),
  body: fc.constantFrom('पाठ', 'पहली पंक्ति\nदूसरी पंक्ति', 'Text\r\nwith CRLF'),
  date: fc.constantFrom('2024', '2024-02', '2024-02-29', ''),
  url: fc.constantFrom('https://example.in/a?b=c#d', 'http://127.0.0.1:8080/', ''),
  tags: fc.constantFrom(['बाढ़', 'पटना'], [], ['a', 'a', ' ']),
  language: fc.constantFrom('hi', 'en', 'hi-Deva-IN'),
};
const FIELDS: readonly string[] = FIELD_NAMES;
const EXTRA_KEYS = [
  'id',
  'addedAt',
  'updatedAt',
  'deletedAt',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'हिंदी',
];

/**
 * A clipping-like object: a plausible clipping (title and body, some other fields) with up to three
 * fields replaced by hostile values, and sometimes a key that is not a clipping field at all.
 */
const clippingLike = fc
  .record(
    Object.fromEntries(
      FIELDS.map((field) => {
        const good = plausible[field as keyof typeof plausible] ?? fc.string({ unit: 'grapheme', maxLength: 20 });
        const required = field === 'title' || field === 'body';
        return [field, required ? good : fc.option(good as fc.Arbitrary<unknown>, { nil: undefined, freq: 2 })];
      }),
    ),
  )
  .chain((record) =>
    fc
      .tuple(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant([] as [string, unknown][]) },
          {
            weight: 2,
            arbitrary: fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileValue), { minLength: 1, maxLength: 3 }),
          },
        ),
        fc.option(fc.tuple(fc.constantFrom(...EXTRA_KEYS), hostileValue), { freq: 6 }),
      )
      .map(([hostile, extra]) => {
        const value: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(record)) if (v !== undefined) value[key] = v;
        for (const [key, v] of hostile) value[key] = v;
        if (extra)
          Object.defineProperty(value, extra[0], {
            value: extra[1],
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return value;
      }),
  );
const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: clippingLike },
  { weight: 1, arbitrary: hostileValue },
);
const hostileId = fc.oneof(
  hostileValue,
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz'), minLength: 8, maxLength: 40 }),
);

// ---- what every answer must be ----

const EXPECTED_CODES = new Set([
  'validation',
  'notFound',
  'badRequest',
  'noSuchBackup',
  'unsupportedFile',
  'unreadableFile',
]);

/** A template placeholder left unfilled, or a value that was not text. */
const PLACEHOLDER_LEFT =
  /\{\{(field|file|detail|id|name|path|line|record|dir|version|max|count)\}\}|undefined|\[object Object\]/;

/** A refusal must carry a known code and read as a full sentence in both languages. */
function expectClearError(envelope: Envelope<unknown>, allowed: readonly string[]): ErrorInfo {
  expect(envelope.ok).toBe(false);
  const error = (envelope as { error: ErrorInfo }).error;
  expect(allowed, JSON.stringify(error)).toContain(error.code);
  expect(EXPECTED_CODES.has(error.code)).toBe(true);
  for (const lang of ['en', 'hi'] as const) {
    const message = formatError(error, lang);
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toMatch(PLACEHOLDER_LEFT);
  }
  if (error.code === 'validation') {
    expect(error.fields?.length).toBeGreaterThan(0);
    for (const f of error.fields!) {
      // A key that is not a clipping field is named as given ("… is not a clipping field").
      if (f.code !== 'unknownField')
        expect([...FIELDS, 'id', 'name', 'input', 'files', 'trash', 'task']).toContain(f.field);
    }
  }
  return error;
}

const ONE_LINE_FIELDS = CLIPPING_FIELDS.filter((f) => f.kind === 'line').map((f) => f.name);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every stored record is valid and clean, not merely schema-shaped. */
function expectSound(clipping: Clipping): void {
  expect(ClippingSchema.safeParse(clipping).success).toBe(true);
  for (const key of ONE_LINE_FIELDS) {
    const value = clipping[key];
    if (value === undefined) continue;
    expect(value).toBe(value.normalize('NFC'));
    expect(value).toBe(value.trim());
    expect(value).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/); // eslint-disable-line no-control-regex
    expect(value).not.toMatch(LONE_SURROGATE);
  }
  expect(clipping.body).not.toMatch(LONE_SURROGATE);
  expect(clipping.body).toBe(clipping.body.normalize('NFC'));
  expect(clipping.body).not.toMatch(/[\r\u0000-\u0008\u000B-\u001F]/); // eslint-disable-line no-control-regex
  if (clipping.url !== undefined) expect(isHttpUrl(clipping.url)).toBe(true);
  if (clipping.date !== undefined) expect(isValidPartialDate(clipping.date)).toBe(true);
}

async function unchangedWhenRefused(call: () => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> {
  const before = await snapshotFiles(dir);
  const envelope = await call();
  if (!envelope.ok) expect(await snapshotFiles(dir)).toEqual(before);
  return envelope;
}

describe('the API under hostile input', () => {
  it(
    'add: stores exactly the validated input or refuses it clearly, changing nothing',
    { timeout: 120_000 },
    async () => {
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(hostileInput, async (input) => {
          const envelope = await unchangedWhenRefused(() => dispatch('add', input));
          if (!envelope.ok) return void expectClearError(envelope, ['validation']);
          stored += 1;
          const clipping = (envelope as { value: Clipping }).value;
          expectSound(clipping);
          const expected = ClippingInputSchema.parse(input);
          for (const [field, value] of Object.entries(expected)) {
            if (value !== undefined) expect(clipping[field as keyof Clipping], field).toEqual(value);
          }
          const read = await dispatch('get', { id: clipping.id });
          expect(read).toEqual({ ok: true, value: clipping });
        }),
        runs(300),
      );
      expect(stored).toBeGreaterThan(5); // the generators do reach the disk, not only the refusals
    },
  );

  it(
    'add: any valid clipping, however unusual its text, is stored exactly as validated',
    { timeout: 120_000 },
    async () => {
      const text = (max: number) =>
        fc
          .oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }), payloads)
          .filter((t) => t.trim() !== '' && !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(t)); // eslint-disable-line no-control-regex
      const lines = fc
        .array(text(30), { minLength: 1, maxLength: 4 })
        .chain((l) => fc.constantFrom(l.join('\n'), l.join('\r\n')));
      const day = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true });
      const valid = fc.record(
        {
          title: text(40),
          body: lines,
          publication: text(30),
          date: fc.oneof(
            day.map((d) => d.toISOString().slice(0, 10)),
            day.map((d) => d.toISOString().slice(0, 7)),
            day.map((d) => d.toISOString().slice(0, 4)),
          ),
          author: text(30),
          place: text(30),
          page: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }).filter((t) => t.trim() !== ''),
          url: fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
          language: fc.constantFrom('hi', 'en', 'ur', 'hi-Latn', 'mai'),
          tags: fc.array(text(20), { maxLength: 8 }),
          notes: lines,
        },
        { requiredKeys: ['title', 'body'] },
      );
      await fc.assert(
        fc.asyncProperty(valid, async (input) => {
          const envelope = await dispatch('add', input);
          expect(envelope, JSON.stringify(input)).toMatchObject({ ok: true });
          const clipping = (envelope as { value: Clipping }).value;
          expectSound(clipping);
          for (const [field, value] of Object.entries(ClippingInputSchema.parse(input))) {
            if (value !== undefined) expect(clipping[field as keyof Clipping], field).toEqual(value);
          }
        }),
        runs(100),
      );
    },
  );

  it('update: a hostile patch of a real clipping, or any patch of a hostile id', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileInput, fc.option(hostileId, { freq: 3 }), async (patch, id) => {
        const input = typeof patch === 'object' && patch !== null ? { ...patch, id: id ?? knownId } : patch;
        const envelope = await unchangedWhenRefused(() => dispatch('update', input));
        if (!envelope.ok) return void expectClearError(envelope, ['validation', 'notFound']);
        expectSound((envelope as { value: Clipping }).value);
      }),
      {
        ...runs(100),
        examples: [
          [{ title: undefined }, undefined],
          [{ title: undefined, body: undefined, language: undefined, tags: undefined }, undefined],
          [{ title: '' }, undefined],
          [{ tags: [undefined] }, undefined],
          [{ id: 'x' }, undefined],
        ],
      },
    );
  });

  it('get, trash, restore, similar, list: hostile arguments are refused clearly', { timeout: 60_000 }, async () => {
    const method = fc.constantFrom(
      'get',
      'trash',
      'restore',
      'similar',
      'list',
      'info',
      'searchCorpus',
      'importingCorpus',
      'vocabulary',
      'backups',
    );
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.oneof(
          hostileValue,
          hostileId.map((id) => ({ id })),
          fc.record({ trash: hostileValue }),
        ),
        async (m, input) => {
          const envelope = await unchangedWhenRefused(() => dispatch(m, input));
          if (envelope.ok) {
            if (m === 'get' || m === 'trash' || m === 'restore') expectSound((envelope as { value: Clipping }).value);
            return;
          }
          expectClearError(envelope, ['validation', 'notFound']);
        },
      ),
      runs(100),
    );
  });

  it(
    'importFiles: hostile names and contents never crash and never store an invalid record',
    { timeout: 120_000 },
    async () => {
      const line = fc.oneof(
        clippingLike.map((v) => JSON.stringify(v) ?? 'null'),
        hostileString,
        fc.constantFrom('{', '[]', 'null', '{"title":"t","body":"b","__proto__":{"polluted":1}}'),
      );
      const file = fc.record({
        name: fc.oneof(
          fc.constantFrom(
            'a.ndjson',
            'b.json',
            'c.txt',
            'd.md',
            'e.html',
            '../../etc/passwd.ndjson',
            'x.exe',
            'CON.txt',
            '.ndjson',
          ),
          hostileString,
        ),
        content: fc.oneof(
          fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n')),
          hostileString,
        ),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: fc.array(file, { minLength: 1, maxLength: 3 }) },
            { weight: 1, arbitrary: hostileValue },
          ),
          async (files) => {
            const envelope = await unchangedWhenRefused(() => dispatch('importFiles', { files }));
            if (!envelope.ok)
              return void expectClearError(envelope, ['validation', 'unsupportedFile', 'unreadableFile']);
            const report = (envelope as { value: { addedIds: string[]; errors: { error: ErrorInfo }[] } }).value;
            for (const problem of report.errors) {
              for (const lang of ['en', 'hi'] as const)
                expect(formatError(problem.error, lang)).not.toMatch(PLACEHOLDER_LEFT);
              expect(problem.error.code).not.toBe('internal');
            }
            for (const id of report.addedIds)
              expectSound(((await dispatch('get', { id })) as { value: Clipping }).value);
          },
        ),
        runs(100),
      );
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('unknown methods and hostile backup names are refused', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'open')),
        hostileValue,
        async (method, input) => {
          const envelope = await unchangedWhenRefused(() => dispatch(method, input));
          expect(envelope.ok).toBe(false);
          const code = (envelope as { error: ErrorInfo }).error.code;
          expect(['badRequest', 'validation', 'notFound', 'noSuchBackup']).toContain(code);
        },
      ),
      runs(100),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileValue,
          hostileString.map((s) => `2026-01-01T00-00-00-000Z-daily${s}`),
        ),
        async (name) => {
          const envelope = await unchangedWhenRefused(() => dispatch('restoreBackup', { name }));
          expectClearError(envelope, ['validation', 'noSuchBackup']);
        },
      ),
      runs(100),
    );
  });

  it('leaves a sound archive behind: check passes and every record is valid', async () => {
    const report = await checkArchive(dir);
    expect(report.problems).toEqual([]);
    const all = [
      ...((await dispatch('list', {})) as { value: { id: string }[] }).value,
      ...((await dispatch('list', { trash: true })) as { value: { id: string }[] }).value,
    ];
    expect(all.length).toBe(report.clippings);
    for (const { id } of all) expectSound(((await dispatch('get', { id })) as { value: Clipping }).value);
  });
});
