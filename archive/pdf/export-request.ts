// The API's PDF export, declared: what to export (ids, a search, or everything) and how; what comes
// back (the file's suggested name and its bytes). Only zod here: the renderer imports it via api.ts.
import { z } from 'zod';
import { ClippingIdSchema } from '../clipping.ts';
import { MAX_PDF_ENTRIES, PdfOptionsSchema } from './options.ts';
import { TaskIdSchema } from '../task-id.ts';

export const ExportPdfInputSchema = z
  .strictObject({
    /** These clippings, in this order. */
    ids: z.array(ClippingIdSchema).min(1).max(MAX_PDF_ENTRIES).optional(),
    /**
     * Every clipping the search finds, best match first (as the list shows them). With `ids`: the
     * search those are the results of (the app ranks them as its list does), named on the cover.
     */
    query: z.string().trim().min(1, 'required').max(1000, 'tooLong').optional(),
    /** Every clipping not in the trash, newest first. */
    all: z.literal(true).optional(),
    options: PdfOptionsSchema.prefault({}),
    /** Names the export for its progress events and for cancelTask. */
    task: TaskIdSchema.optional(),
  })
  .refine(
    (input) => [input.ids ?? input.query, input.all].filter((chosen) => chosen !== undefined).length === 1,
    'oneSelection',
  );
export type ExportPdfInput = z.input<typeof ExportPdfInputSchema>;
export type ValidExportPdfInput = z.output<typeof ExportPdfInputSchema>;

export const ExportedPdfSchema = z.object({
  fileName: z.string(),
  pdfBase64: z.string(),
  pages: z.number().int(),
  clippings: z.number().int(),
});
export type ExportedPdf = z.infer<typeof ExportedPdfSchema>;
