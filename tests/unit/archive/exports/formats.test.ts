import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../archive/clipping.ts';
import { fromCslItem, toCslItem } from '../../../../archive/exports/csl.ts';
import { CSV_COLUMNS, serializeClippings } from '../../../../archive/exports/formats.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { runCli } from '../../../support/cli.ts';
import { tempDir } from '../../../support/temp.ts';

const clipping: Clipping = {
  id: '0mx2ahy29lw26t0py',
  title: 'बाढ़: "गंगा" खतरे के निशान के पार, प्रशासन सतर्क',
  body: 'पहला अनुच्छेद, अल्पविराम के साथ।\nदूसरा अनुच्छेद "उद्धरण" के साथ।',
  publication: 'हिंदुस्तान',
  date: '2024-07',
  author: 'संवाददाता',
  place: 'पटना',
  page: '3',
  url: 'https://example.in/baadh?a=1&b=2',
  language: 'hi',
  tags: ['बाढ़', 'बिहार'],
  notes: '=HYPERLINK("http://evil.example")',
  addedAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
};

/** Read the way a spreadsheet program does: strict RFC 4180, BOM understood. */
const parseCsv = (text: string): string[][] => parse(text, { bom: true, record_delimiter: '\r\n' });

describe('CSV export', () => {
  const csv = serializeClippings([clipping], 'csv');

  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    expect(csv.startsWith('\uFEFFid,title,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips every field through a CSV parser, commas, quotes and newlines included', () => {
    const [header, row] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record.title).toBe(clipping.title);
    expect(record.body).toBe(clipping.body);
    expect(record.tags).toBe('बाढ़; बिहार');
    expect(record.url).toBe(clipping.url);
    expect(record.section).toBe('');
  });

  it('keeps a formula-like cell from running in a spreadsheet', () => {
    const record = parseCsv(csv)[1]!;
    expect(record[CSV_COLUMNS.indexOf('notes')]).toBe(`'${clipping.notes}`);
  });
});

describe('CSL-JSON export', () => {
  it('describes a clipping as an article-newspaper and comes back unchanged', () => {
    const item = toCslItem(clipping);
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: clipping.title,
      'container-title': 'हिंदुस्तान',
      issued: { 'date-parts': [[2024, 7]] },
      author: [{ literal: 'संवाददाता' }],
      URL: clipping.url,
      'publisher-place': 'पटना',
      keyword: 'बाढ़, बिहार',
      abstract: clipping.body,
    });
    const back = fromCslItem(item);
    for (const field of [
      'title',
      'body',
      'publication',
      'date',
      'author',
      'url',
      'page',
      'place',
      'tags',
      'notes',
      'language',
    ] as const) {
      expect(back[field], field).toEqual(clipping[field]);
    }
  });

  it('reads Zotero-style items with family/given names and full dates', () => {
    const record = fromCslItem({
      id: 'z1',
      type: 'article-newspaper',
      title: 'Monsoon arrives',
      abstract: 'Text',
      issued: { 'date-parts': [[2023, 6, 5]] },
      author: [{ family: 'Sharma', given: 'Rajesh' }],
    });
    expect(record).toMatchObject({ date: '2023-06-05', author: 'Rajesh Sharma' });
  });
});

describe('export, import and CLI round trip', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it.each(['json', 'ndjson', 'csl-json'] as const)(
    'a %s export re-imports into a new archive with the same clippings',
    async (format) => {
      const source = join(dir, 'source');
      await runCli([
        'add',
        '--archive',
        source,
        '--title',
        clipping.title,
        '--body',
        clipping.body,
        '--tags',
        'बाढ़,बिहार',
        '--date',
        '2024-07',
      ]);
      const file = join(dir, `export.${format === 'ndjson' ? 'ndjson' : 'json'}`);
      const exported = await runCli(['export', '--archive', source, '--format', format, '--out', file]);
      expect(exported.code).toBe(0);
      const target = join(dir, 'target');
      await ArchiveService.open(target); // starts with the seed, which the import skips as already there
      const imported = JSON.parse((await runCli(['import', '--archive', target, file, '--json'])).stdout);
      expect(imported).toMatchObject({ added: 1, skipped: 1, errors: [] });
      const service = await ArchiveService.open(target);
      const match = (await service.list()).find((c) => c.title === clipping.title)!;
      expect(await service.get({ id: match.id })).toMatchObject({
        body: clipping.body,
        tags: ['बाढ़', 'बिहार'],
        date: '2024-07',
      });
    },
  );

  it('export refuses an unknown format with exit 2 and writes no file', async () => {
    const file = join(dir, 'x.xml');
    const result = await runCli(['export', '--archive', join(dir, 'a'), '--format', 'xml', '--out', file]);
    expect(result.code).toBe(2);
    await expect(readFile(file)).rejects.toThrow();
  });
});
