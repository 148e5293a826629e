// The clipping model: the zod schemas built from the declared fields (clipping-fields.ts), by kind.
// Validation messages are i18n keys ("<code>"), turned into Hindi or English by messages.ts.
import { z } from 'zod';
import {
  CLIPPING_FIELDS,
  FIELD_MAX,
  TAG_MAX,
  TAGS_MAX,
  UNSUMMARIZED_FIELDS,
  type ClippingFieldSpec,
  type FieldKind,
} from './clipping-fields.ts';

export { BODY_MAX, FIELD_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX } from './clipping-fields.ts';

/** Text is stored NFC with Unix line ends; nothing else about it is changed. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

// Lone UTF-16 surrogates cannot be written as valid UTF-8 JSON: refuse them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Control characters (C0, DEL, C1) other than tab and newline; single-line fields allow no newline either.
// Matching control characters is the point of these patterns.
/* eslint-disable no-control-regex */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// One-line fields also refuse the bidi embeddings, overrides and isolates: they can make a title
// read differently from what it holds (a file name shown backwards). ZWJ and ZWNJ, which Hindi
// needs, are not among them.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/* eslint-enable no-control-regex */

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists in that month. */
export function isValidPartialDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1000) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A field that is absent is "required"; one of another kind (a number for a text) has the wrong type. */
const missingOrType = (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : 'type');

const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/** A one-line text field as typed by a person: NFC, trimmed, no control characters. */
function singleLine(max: number) {
  return z
    .string({ error: missingOrType })
    .refine(wellFormed, 'encoding')
    .transform((s) => normalizeText(s).trim())
    .pipe(
      z
        .string()
        .max(max, 'tooLong')
        .refine((s) => !CONTROL_SINGLE_LINE.test(s), 'control'),
    );
}

/** Multi-line text (body, notes): NFC and \n line ends; otherwise kept exactly. */
function multiLine(max: number) {
  return z
    .string({ error: missingOrType })
    .refine(wellFormed, 'encoding')
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .max(max, 'tooLong')
        .refine((s) => !CONTROL_MULTILINE.test(s), 'control'),
    );
}

const optionalSingleLine = (max: number) =>
  singleLine(max)
    .optional()
    .transform((s) => (s === '' ? undefined : s));
const optionalMultiLine = (max: number) =>
  multiLine(max)
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s));
const requiredSingleLine = (max: number) => singleLine(max).refine((s) => s !== '', 'required');
const requiredMultiLine = (max: number) => multiLine(max).refine((s) => s.trim() !== '', 'required');

const dateField = optionalSingleLine(10).refine((s) => s === undefined || isValidPartialDate(s), 'badDate');
const urlField = optionalSingleLine(2000).refine((s) => s === undefined || isHttpUrl(s), 'badUrl');
const languageField = optionalSingleLine(35).refine(
  (s) => s === undefined || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(s),
  'badLanguage',
);
const tagsField = z
  .array(singleLine(TAG_MAX), { error: missingOrType })
  .max(TAGS_MAX, 'tooMany')
  .transform((tags) => [...new Set(tags.filter((t) => t !== ''))])
  .optional();

/** How a person's value of each kind of field is checked and cleaned. */
const INPUT_BY_KIND = {
  line: (max: number) => optionalSingleLine(max),
  text: (max: number) => optionalMultiLine(max),
  date: () => dateField,
  url: () => urlField,
  language: () => languageField,
  tags: () => tagsField,
} satisfies Record<FieldKind, (max: number) => z.ZodType>;

/** How each kind of field is kept in a stored record (checked when the archive is read). */
const STORED_BY_KIND = {
  line: () => z.string().optional(),
  text: () => z.string().optional(),
  date: () => z.string().refine(isValidPartialDate).optional(),
  url: () => z.string().refine(isHttpUrl).optional(),
  language: () => z.string(),
  tags: () => z.array(z.string()),
} satisfies Record<FieldKind, () => z.ZodType>;

type Spec = ClippingFieldSpec;
type InputOf<S extends Spec> = S extends { required: true }
  ? S['kind'] extends 'text'
    ? ReturnType<typeof requiredMultiLine>
    : ReturnType<typeof requiredSingleLine>
  : ReturnType<(typeof INPUT_BY_KIND)[S['kind']]>;
type StoredOf<S extends Spec> = S extends { required: true }
  ? z.ZodString
  : ReturnType<(typeof STORED_BY_KIND)[S['kind']]>;

function inputSchema(spec: Spec): z.ZodType {
  const max = 'max' in spec ? spec.max : FIELD_MAX;
  if ('required' in spec) return spec.kind === 'text' ? requiredMultiLine(max) : requiredSingleLine(max);
  return INPUT_BY_KIND[spec.kind](max);
}

function storedSchema(spec: Spec): z.ZodType {
  // A stored title is never empty; the stored text is checked for its type only.
  if ('required' in spec) return spec.kind === 'line' ? z.string().min(1) : z.string();
  return STORED_BY_KIND[spec.kind]();
}

const INPUT_SHAPE = Object.fromEntries(CLIPPING_FIELDS.map((spec) => [spec.name, inputSchema(spec)])) as {
  [S in Spec as S['name']]: InputOf<S>;
};
const STORED_SHAPE = Object.fromEntries(CLIPPING_FIELDS.map((spec) => [spec.name, storedSchema(spec)])) as {
  [S in Spec as S['name']]: StoredOf<S>;
};

/** What a person or an import supplies: every field but the ones the archive assigns. */
export const ClippingInputSchema = z.strictObject(INPUT_SHAPE, { error: 'unknownField' });
export type ClippingInput = z.input<typeof ClippingInputSchema>;
export type ValidClippingInput = z.output<typeof ClippingInputSchema>;

/** An edit: any subset of the input fields; an empty string clears an optional field. */
export const ClippingPatchSchema = ClippingInputSchema.partial();
export type ClippingPatch = z.input<typeof ClippingPatchSchema>;

export const ClippingIdSchema = z.string().regex(/^[0-9a-z]{8,40}$/, 'badId');

const isoTimestamp = z.iso.datetime({ offset: true });

/** A file's SHA-256 in hex: the name a scan is stored under (archive/scans/scan-files.ts). */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'badId');
const pixels = z.number().int().nonnegative().max(1_000_000);

/** A line of a scanned page and where it is on the page image: [x, y, width, height] in its pixels. */
export const ScanLineSchema = z.strictObject({
  text: z.string().max(10_000),
  box: z.tuple([pixels, pixels, pixels, pixels]),
});

export const SCAN_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'application/pdf'] as const;

/** A page of a scan: the image shown for it (the file itself, or a PNG made of a TIFF page), its text by line. */
export const ScanPageSchema = z.strictObject({
  image: Sha256Schema,
  width: pixels,
  height: pixels,
  lines: z.array(ScanLineSchema).max(10_000),
  /** Read by OCR, or taken from a PDF's own text layer. */
  source: z.enum(['ocr', 'text-layer']),
});

/** A scanned file kept with a clipping: the original as it came, and its pages. */
export const ScanSchema = z.strictObject({
  sha256: Sha256Schema,
  mime: z.enum(SCAN_MIMES),
  /** The name of the file it came from (shown, never used as a path). */
  name: z.string().max(1000),
  pages: z.array(ScanPageSchema).min(1).max(5000),
});
export type Scan = z.infer<typeof ScanSchema>;
export type ScanPage = z.infer<typeof ScanPageSchema>;

/** A stored clipping, as it is on disk and as the API returns it. */
export const ClippingSchema = z.strictObject({
  id: ClippingIdSchema,
  ...STORED_SHAPE,
  addedAt: isoTimestamp,
  updatedAt: isoTimestamp,
  deletedAt: isoTimestamp.optional(),
  /** The text as OCR read it, kept when the archivist corrects the body. */
  ocrText: z.string().optional(),
  /** The scans the clipping was made from (the files are in the archive's scans/ folder). */
  scans: z.array(ScanSchema).max(100).optional(),
});
export type Clipping = z.infer<typeof ClippingSchema>;

/**
 * A clipping without its texts and scan details: what lists carry. scanPages says it was made from
 * a scan (so a search result can say so) and of how many pages.
 */
export const ClippingSummarySchema = ClippingSchema.omit({
  ...(Object.fromEntries(UNSUMMARIZED_FIELDS.map((name) => [name, true])) as Record<
    (typeof UNSUMMARIZED_FIELDS)[number],
    true
  >),
  ocrText: true,
  scans: true,
}).extend({ scanPages: z.number().int().positive().optional() });
export type ClippingSummary = z.infer<typeof ClippingSummarySchema>;

export const DEFAULT_LANGUAGE = 'hi';

/** Builds a stored record from validated input; undefined fields are left out of the JSON. */
export function createClipping(id: string, input: ValidClippingInput, now: string): Clipping {
  return dropUndefined({
    id,
    ...input,
    language: input.language ?? DEFAULT_LANGUAGE,
    tags: input.tags ?? [],
    addedAt: now,
    updatedAt: now,
  }) as Clipping;
}

/** Applies a validated patch: a field given as '' (now undefined) is cleared. */
export function applyPatch(
  clipping: Clipping,
  patch: z.output<typeof ClippingPatchSchema>,
  given: ReadonlySet<string>,
  now: string,
): Clipping {
  const next: Record<string, unknown> = { ...clipping };
  for (const key of given) {
    next[key] = (patch as Record<string, unknown>)[key];
  }
  next.language ??= DEFAULT_LANGUAGE;
  next.tags ??= [];
  next.updatedAt = now;
  return dropUndefined(next) as Clipping;
}

function dropUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
