// Every place that lists a clipping's fields lists exactly the declared ones, so a field added in one
// place only fails here, naming the place.
import { describe, expect, it } from 'vitest';
import { SearchDocSchema } from '../../../archive/api.ts';
import {
  CLIPPING_FIELDS,
  DETAIL_FIELDS,
  FIELD_NAMES,
  FORM_FIELD_NAMES,
  INDEXED_FIELDS,
  type FieldKind,
} from '../../../archive/clipping-fields.ts';
import {
  ClippingInputSchema,
  ClippingSchema,
  ClippingSummarySchema,
  type Clipping,
} from '../../../archive/clipping.ts';
import { summarize, toSearchDoc } from '../../../archive/clipping-records.ts';
import { fromCslItem, toCslItem } from '../../../archive/exports/csl.ts';
import { CSV_COLUMNS } from '../../../archive/exports/formats.ts';
import { catalogs, LANGUAGES } from '../../../archive/messages.ts';
import { entriesHtml } from '../../../archive/pdf/entries-html.ts';
import { FORM_FIELDS } from '../../../renderer/src/form/clipping-fields.ts';
import { runCli } from '../../support/cli.ts';

const ASSIGNED = ['id', 'addedAt', 'updatedAt'];
const sorted = (names: readonly string[]) => [...names].sort();

/** A value of each kind of field. */
const SAMPLE: Record<FieldKind, (name: string) => string | string[]> = {
  line: (name) => `${name}: पटना संस्करण`,
  text: (name) => `${name}: पहला अनुच्छेद।\nदूसरा अनुच्छेद।`,
  date: () => '2024-07-15',
  url: () => 'https://example.in/a',
  language: () => 'hi',
  tags: () => ['बाढ़', 'बिहार'],
};

/** A clipping with every declared field filled in. */
const full = {
  id: '0mx2ahy29lw26t0py',
  ...Object.fromEntries(CLIPPING_FIELDS.map((spec) => [spec.name, SAMPLE[spec.kind](spec.name)])),
  addedAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
} as Clipping;

describe('the declared fields', () => {
  it('are the keys of the input schema, and of the stored one besides what the archive assigns', () => {
    expect(Object.keys(ClippingInputSchema.shape)).toEqual(FIELD_NAMES);
    const stored = Object.keys(ClippingSchema.shape).filter((k) => !['deletedAt', 'ocrText', 'scans'].includes(k));
    expect(sorted(stored)).toEqual(sorted([...FIELD_NAMES, ...ASSIGNED]));
  });

  it('every one has a label in both languages', () => {
    for (const language of LANGUAGES) {
      for (const name of FIELD_NAMES)
        expect(catalogs[language], `${language} ${name}`).toHaveProperty([`field.${name}`]);
    }
  });

  it('the fixture here is a valid clipping with every declared field', () => {
    expect(ClippingSchema.parse(full)).toEqual(full);
    expect(sorted(Object.keys(full))).toEqual(sorted([...FIELD_NAMES, ...ASSIGNED]));
  });

  it('the form shows the declared form fields, in the declared order', () => {
    expect(FORM_FIELDS).toEqual(CLIPPING_FIELDS.filter((f) => 'form' in f).map((f) => f.name));
    expect(FORM_FIELD_NAMES).not.toContain('language'); // set by an import, not typed
  });

  it('CSV has one column per field, besides the id and the times', () => {
    expect(sorted(CSV_COLUMNS)).toEqual(sorted([...FIELD_NAMES, ...ASSIGNED]));
  });

  it('CSL-JSON carries every field and gives each back', () => {
    const item = toCslItem(full);
    for (const spec of CLIPPING_FIELDS) expect(item, spec.name).toHaveProperty([spec.csl]);
    expect(fromCslItem(item)).toEqual(Object.fromEntries(FIELD_NAMES.map((name) => [name, full[name]])));
  });

  it('the search document is the indexed fields, and the summary leaves out the long texts', () => {
    expect(sorted(Object.keys(toSearchDoc(full)))).toEqual(sorted([...INDEXED_FIELDS, ...ASSIGNED]));
    expect(sorted(Object.keys(SearchDocSchema.shape))).toEqual(sorted([...INDEXED_FIELDS, ...ASSIGNED]));
    expect(sorted(Object.keys(summarize(full)))).toEqual(
      sorted(Object.keys(ClippingSummarySchema.parse(summarize(full)))),
    );
    expect(summarize(full)).not.toHaveProperty('body');
    expect(summarize(full)).not.toHaveProperty('notes');
  });

  it('the CLI add takes an option for each field, and the PDF prints each detail', async () => {
    const help = await runCli(['--help']);
    for (const name of FIELD_NAMES.filter((n) => n !== 'body')) expect(help.stdout, name).toContain(`--${name} `);
    const html = entriesHtml([full], { pageSize: 'A4', typeface: 'sans', language: 'en', scans: false });
    for (const name of DETAIL_FIELDS) expect(html, name).toContain(`>${catalogs.en[`field.${name}`]}</dt>`);
  });
});
