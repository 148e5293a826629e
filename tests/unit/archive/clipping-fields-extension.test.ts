// Adding a field is one row in the declaration: here the declaration is extended with a field the
// code has never heard of, and the schemas, the form, the CLI, CSV, CSL-JSON, the search document,
// the search index (a field query, a facet, its file) and the PDF all carry it, with no other change.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldSpec } from '../../../archive/clipping-fields.ts';

const NEW_FIELD = 'edition_note';
const VALUE = 'दूसरा संस्करण, संशोधित';

vi.mock('../../../archive/clipping-fields.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../archive/clipping-fields.ts')>();
  const at = actual.CLIPPING_FIELDS.findIndex((f) => f.name === 'edition') + 1;
  const extended: FieldSpec[] = [
    ...actual.CLIPPING_FIELDS.slice(0, at),
    {
      name: NEW_FIELD,
      kind: 'line',
      form: 'half',
      indexed: true,
      metadata: { key: NEW_FIELD, facet: true },
      csl: 'version',
    },
    ...actual.CLIPPING_FIELDS.slice(at),
  ];
  return { ...actual, CLIPPING_FIELDS: extended, ...actual.deriveFieldLists(extended) };
});

const { ClippingInputSchema, ClippingSchema } = await import('../../../archive/clipping.ts');
const { SearchDocSchema } = await import('../../../archive/api.ts');
const { toSearchDoc } = await import('../../../archive/clipping-records.ts');
const { CSV_COLUMNS, serializeClippings } = await import('../../../archive/exports/formats.ts');
const { fromCslItem, toCslItem } = await import('../../../archive/exports/csl.ts');
const { entriesHtml } = await import('../../../archive/pdf/entries-html.ts');
const { ArchiveService } = await import('../../../archive/service.ts');
const { SearchEngine } = await import('../../../archive/search/engine.ts');
const { indexFromBytes, indexToBytes } = await import('../../../archive/search/serialize.ts');
const { FIELDS: QUERY_FIELDS } = await import('../../../archive/search/query.ts');
const form = await import('../../../renderer/src/form/clipping-fields.ts');
const { runCli } = await import('../../support/cli.ts');
const { tempDir } = await import('../../support/temp.ts');

describe('a field added to the declaration only', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('is checked like its kind by the input schema and kept by the stored schema', () => {
    const parsed = ClippingInputSchema.parse({ title: 'शीर्षक', body: 'पाठ', [NEW_FIELD]: `  ${VALUE}  ` });
    expect((parsed as Record<string, unknown>)[NEW_FIELD]).toBe(VALUE); // a one-line field is trimmed
    const bad = ClippingInputSchema.safeParse({ title: 'शीर्षक', body: 'पाठ', [NEW_FIELD]: 'a\u0007b' });
    expect(bad.success).toBe(false);
    expect(Object.keys(ClippingSchema.shape)).toContain(NEW_FIELD);
  });

  it('goes through the form: shown after edition, sent when filled in, cleared when emptied', () => {
    expect(form.FORM_FIELDS.indexOf(NEW_FIELD as never)).toBe(form.FORM_FIELDS.indexOf('edition') + 1);
    expect(form.formLayout(NEW_FIELD as never)).toBe('half');
    const values = { ...form.EMPTY_FORM, title: 'शीर्षक', body: 'पाठ', [NEW_FIELD]: VALUE } as typeof form.EMPTY_FORM;
    expect(form.toClippingInput(values)).toMatchObject({ [NEW_FIELD]: VALUE });
    expect(form.toClippingPatch({ ...values, [NEW_FIELD]: '' } as typeof values)).toMatchObject({ [NEW_FIELD]: '' });
  });

  it('is an option of the CLI add, stored, and exported to CSV and CSL-JSON, and read back', async () => {
    const archive = join(dir, 'archive');
    const added = await runCli([
      '--archive',
      archive,
      'add',
      '--title',
      'शीर्षक',
      '--body',
      'पाठ',
      `--${NEW_FIELD}`,
      VALUE,
    ]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const help = await runCli(['--help']);
    expect(help.stdout).toContain(`[--${NEW_FIELD} E]`);

    const service = await ArchiveService.open(archive);
    try {
      const stored = await service.get({ id: added.stdout.trim() });
      expect((stored as Record<string, unknown>)[NEW_FIELD]).toBe(VALUE);

      expect(CSV_COLUMNS).toContain(NEW_FIELD);
      const csv = serializeClippings([stored], 'csv');
      expect(csv.split('\r\n')[1]).toContain(VALUE);

      const item = toCslItem(stored);
      expect(item.version).toBe(VALUE);
      expect(fromCslItem(item)[NEW_FIELD]).toBe(VALUE);

      expect(toSearchDoc(stored)).toMatchObject({ [NEW_FIELD]: VALUE });
      expect(SearchDocSchema.parse(toSearchDoc(stored))).toMatchObject({ [NEW_FIELD]: VALUE });

      const html = entriesHtml([stored], { pageSize: 'A4', typeface: 'sans', language: 'en', scans: false });
      expect(html).toContain(`<dd lang="hi">${VALUE}</dd>`);
    } finally {
      await service.close();
    }
    // The JSON export carries it too (it is the stored record).
    const out = join(dir, 'out.json');
    expect((await runCli(['--archive', archive, 'export', '--format', 'json', '--out', out])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain(VALUE);
  });

  it('is kept by the search index: asked for by its name, counted as a facet, saved and loaded', () => {
    expect(QUERY_FIELDS).toContain(NEW_FIELD);
    const addedAt = '2025-01-01T00:00:00.000Z';
    const docs = [
      { id: 'a', title: 'पहली खबर', body: 'संस्करण की बात पाठ में', tags: [], addedAt, publication: 'अमर उजाला' },
      { id: 'b', title: 'दूसरी खबर', body: 'कुछ और', tags: ['पुलिस'], addedAt, [NEW_FIELD]: VALUE },
      { id: 'c', title: 'तीसरी खबर', body: 'कुछ और', tags: [], addedAt, [NEW_FIELD]: VALUE },
    ];
    const built = new SearchEngine();
    built.putAll(docs);
    const loaded = new SearchEngine({}, indexFromBytes(indexToBytes(built.index, 'x'))!.index);
    const added = new SearchEngine();
    for (const doc of docs) added.put(doc); // one at a time, not through the bulk build
    // Every field keeps its own postings: the bulk build (which packs a field code into each
    // posting) answers as adding one at a time does, for words of the text, title and metadata.
    const answers = (engine: InstanceType<typeof SearchEngine>) =>
      ['बात', 'पाठ', 'खबर', 'पुलिस', 'अमर'].map((q) => {
        const found = engine.search(q, { limit: 10 });
        return found.ok ? found.hits.map((h) => [h.id, h.score]) : found.error.code;
      });
    expect(answers(added)[0]).toEqual([['a', expect.any(Number)]]);
    expect(answers(built)).toEqual(answers(added));
    expect(answers(loaded)).toEqual(answers(added));
    for (const engine of [built, loaded, added]) {
      const field = engine.search(`${NEW_FIELD}:संस्करण`, { limit: 10 });
      if (!field.ok) throw new Error(field.error.code);
      expect(field.hits.map((h) => h.id).sort()).toEqual(['b', 'c']); // not a, whose text says it
      const phrase = engine.search(`${NEW_FIELD}:"दूसरा संस्करण"`, { limit: 10 });
      expect(phrase.ok && phrase.hits.map((h) => h.id).sort()).toEqual(['b', 'c']);
      const all = engine.search('खबर', { limit: 10 });
      if (!all.ok) throw new Error(all.error.code);
      expect((all.facets as Record<string, unknown>)[NEW_FIELD]).toEqual([{ value: VALUE, count: 2 }]);
      expect(all.facets.publication).toEqual([{ value: 'अमर उजाला', count: 1 }]);
      expect(all.facets.tag).toEqual([{ value: 'पुलिस', count: 1 }]);
    }
  });
});
