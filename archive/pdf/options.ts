// What a PDF export can be asked for: paper, typeface, the language of its labels, and whether
// the scans' images go in too. Declared
// with zod so the API validates it; free of the fonts and the printer so the renderer can import it.
import { z } from 'zod';

export { MAX_PDF_ENTRIES } from './limits.ts';

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const TYPEFACES = ['sans', 'serif'] as const;
export type Typeface = (typeof TYPEFACES)[number];

export const PdfOptionsSchema = z.strictObject({
  pageSize: z.enum(PAGE_SIZES).default('A4'),
  typeface: z.enum(TYPEFACES).default('sans'),
  /** The language of the labels (cover, contents, headers, field names) and of dates. */
  language: z.enum(['hi', 'en']).default('hi'),
  /** Put each clipping's scan images (its pages) in front of its text; else the text alone. */
  scans: z.boolean().default(false),
});
export type PdfOptionsInput = z.input<typeof PdfOptionsSchema>;
export type PdfOptions = z.output<typeof PdfOptionsSchema>;

/** Paper in millimetres (Letter is 8.5 × 11 in). */
export const PAPER_MM: Readonly<Record<PageSize, { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};
