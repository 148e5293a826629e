// The fields of a clipping, declared once. Everything that lists fields derives from this table: the
// zod schemas (clipping.ts), the add form, the CLI's `add` options, what the search worker is given,
// the CSV columns, CSL-JSON, the details block of a PDF and of the reader, the search index's
// per-clipping metadata, its field queries and its facets. A new field is a new row
// here plus its label in both languages (`field.<name>` in messages.ts). Kept free of zod so that the
// renderer can import it. Field names follow Zotero's newspaperArticle.

export const TITLE_MAX = 500;
export const FIELD_MAX = 500;
export const BODY_MAX = 1_000_000;
export const TAG_MAX = 100;
export const TAGS_MAX = 100;

/**
 * What a field holds, which decides how it is checked and shown: `line` one line of text (trimmed,
 * no control characters), `text` several lines (kept as typed), `date` YYYY[-MM[-DD]], `url` an
 * http(s) address, `language` a BCP 47 tag, `tags` a list of one-line words.
 */
export type FieldKind = 'line' | 'text' | 'date' | 'url' | 'language' | 'tags';

/** How the add form lays a field out: half a row, a whole row, or a whole row of several lines. */
export type FormLayout = 'half' | 'wide' | 'long' | 'short';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** Characters a person may give (line and text fields; FIELD_MAX when left out). */
  readonly max?: number;
  /** A clipping cannot be saved without it. */
  readonly required?: true;
  /** Where the add form shows it; a field without it is not on the form. */
  readonly form?: FormLayout;
  /** Given to the search index (SearchDoc). */
  readonly indexed?: true;
  /**
   * Kept by the search index as a value per clipping too (a number into a dictionary of the field's
   * values), not only as words: a query can ask for it as `key:word` (`key` is the name queries use),
   * and with `facet` the matches are counted per value beside the results (label `search.facet.<key>`
   * in both languages). Only an indexed field of kind `line` or `tags` can be metadata.
   */
  readonly metadata?: { readonly key: string; readonly facet?: true };
  /** Left out of a clipping's summary (what lists carry): the long texts. */
  readonly notInSummary?: true;
  /** The CSL-JSON variable it travels as (csl.ts knows which are names and dates). */
  readonly csl: string;
}

export const CLIPPING_FIELDS = [
  { name: 'title', kind: 'line', max: TITLE_MAX, required: true, form: 'wide', indexed: true, csl: 'title' },
  {
    name: 'body',
    kind: 'text',
    max: BODY_MAX,
    required: true,
    form: 'long',
    indexed: true,
    notInSummary: true,
    csl: 'abstract',
  },
  {
    name: 'publication',
    kind: 'line',
    form: 'half',
    indexed: true,
    metadata: { key: 'publication', facet: true },
    csl: 'container-title',
  },
  { name: 'date', kind: 'date', form: 'half', indexed: true, csl: 'issued' },
  { name: 'author', kind: 'line', form: 'half', indexed: true, metadata: { key: 'author' }, csl: 'author' },
  { name: 'section', kind: 'line', form: 'half', csl: 'section' },
  { name: 'edition', kind: 'line', form: 'half', csl: 'edition' },
  {
    name: 'place',
    kind: 'line',
    form: 'half',
    indexed: true,
    metadata: { key: 'place' },
    csl: 'publisher-place',
  },
  { name: 'page', kind: 'line', max: 50, form: 'half', csl: 'page' },
  { name: 'url', kind: 'url', form: 'half', csl: 'URL' },
  { name: 'language', kind: 'language', csl: 'language' },
  {
    name: 'tags',
    kind: 'tags',
    form: 'wide',
    indexed: true,
    metadata: { key: 'tag', facet: true },
    csl: 'keyword',
  },
  { name: 'notes', kind: 'text', max: BODY_MAX, form: 'short', notInSummary: true, csl: 'note' },
] as const satisfies readonly FieldSpec[];

export type ClippingFieldSpec = (typeof CLIPPING_FIELDS)[number];
export type ClippingField = ClippingFieldSpec['name'];

type NamesWhere<Shape> = Extract<ClippingFieldSpec, Shape>['name'];
type Optional<Names> = Names & Exclude<ClippingField, NamesWhere<{ required: true }>>;
/** The fields on the add form. */
export type FormFieldName = NamesWhere<{ form: FormLayout }>;
/** Optional fields of one value (not the tags list): they can be left out, and cleared with ''. */
export type OptionalValueField = Optional<NamesWhere<{ kind: 'line' | 'text' | 'date' | 'url' | 'language' }>>;
/** The short details shown under a title: one-line values that may be absent. */
export type DetailField = Optional<NamesWhere<{ kind: 'line' | 'date' | 'url' }>>;
/** The fields the search index is given, besides the id and the times. */
export type IndexedField = NamesWhere<{ indexed: true }>;
/** The long texts a summary leaves out. */
export type UnsummarizedField = NamesWhere<{ notInSummary: true }>;
type MetadataOf<Shape> = Extract<Extract<ClippingFieldSpec, { metadata: object }>['metadata'], Shape>['key'];
/** The search index's metadata fields, by the names queries use for them (`tag`, not `tags`). */
export type MetadataKey = MetadataOf<object>;
/** The metadata fields whose matches are counted per value. */
export type FacetKey = MetadataOf<{ facet: true }>;

/** A metadata field of the search index: its key, the clipping field it comes from, and how it is kept. */
export interface MetadataField {
  readonly key: MetadataKey;
  readonly field: IndexedField;
  /** Several values per clipping (the tags) rather than one. */
  readonly list: boolean;
  readonly facet: boolean;
}

/**
 * The lists the rest of the code reads, derived from a declaration. A function of the table, so
 * that a test can derive them from an extended one (tests/unit/clipping-fields.test.ts).
 */
export function deriveFieldLists(fields: readonly FieldSpec[]) {
  const names = <N extends string>(test: (spec: FieldSpec) => boolean): readonly N[] =>
    fields.filter(test).map((f) => f.name as N);
  return {
    FIELD_NAMES: names<ClippingField>(() => true),
    /** The fields on the add form, in the order shown. */
    FORM_FIELD_NAMES: names<FormFieldName>((f) => f.form !== undefined),
    OPTIONAL_VALUE_FIELDS: names<OptionalValueField>((f) => !f.required && f.kind !== 'tags'),
    /** The details under a title (reader, PDF, `show`), in the declared order. */
    DETAIL_FIELDS: names<DetailField>(
      (f) => !f.required && (f.kind === 'line' || f.kind === 'date' || f.kind === 'url'),
    ),
    INDEXED_FIELDS: names<IndexedField>((f) => f.indexed === true),
    UNSUMMARIZED_FIELDS: names<UnsummarizedField>((f) => f.notInSummary === true),
    /** What the search index keeps per clipping as values, in the declared order. */
    METADATA_FIELDS: fields.flatMap((f): MetadataField[] =>
      f.metadata
        ? [
            {
              key: f.metadata.key as MetadataKey,
              field: f.name as IndexedField,
              list: f.kind === 'tags',
              facet: f.metadata.facet === true,
            },
          ]
        : [],
    ),
    /** The metadata fields whose matches are counted per value beside the results, in the declared order. */
    FACET_FIELDS: fields.flatMap((f) => (f.metadata?.facet ? [f.metadata.key as FacetKey] : [])),
    /** The fields with the long text last, for files people read (CSV, CSL-JSON). */
    SHORT_FIELDS_FIRST: [
      ...fields.filter((f) => f.name !== 'body'),
      ...fields.filter((f) => f.name === 'body'),
    ] as readonly ClippingFieldSpec[],
    fieldSpec(name: ClippingField): FieldSpec {
      return fields.find((f) => f.name === name)!;
    },
  };
}

export const {
  FIELD_NAMES,
  FORM_FIELD_NAMES,
  OPTIONAL_VALUE_FIELDS,
  DETAIL_FIELDS,
  INDEXED_FIELDS,
  UNSUMMARIZED_FIELDS,
  METADATA_FIELDS,
  FACET_FIELDS,
  SHORT_FIELDS_FIRST,
  fieldSpec,
} = deriveFieldLists(CLIPPING_FIELDS);
