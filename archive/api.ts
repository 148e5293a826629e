// The API, declared once: for each method the schema of its argument and of its result.
// The service implements it; the Electron IPC and HTTP transports are generated from it.
import { z } from 'zod';
import {
  ClippingIdSchema,
  ClippingInputSchema,
  ClippingPatchSchema,
  ClippingSchema,
  ClippingSummarySchema,
} from './clipping.ts';
import type { ApiMethod } from './api-methods.ts';
import { ErrorInfoSchema, type ErrorInfo } from './errors.ts';

export const MAX_IMPORT_FILES = 1000;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export const ArchiveInfoSchema = z.object({
  archiveDir: z.string(),
  formatVersion: z.number(),
  generation: z.number(),
  clippings: z.number(),
  trashed: z.number(),
});
export type ArchiveInfo = z.infer<typeof ArchiveInfoSchema>;

export const ImportFileSchema = z.strictObject({
  name: z.string().min(1).max(1000),
  content: z.string().max(MAX_IMPORT_BYTES),
});
export type ImportFile = z.infer<typeof ImportFileSchema>;

export const ImportProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  record: z.number().int().optional(),
  error: ErrorInfoSchema,
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportReportSchema = z.object({
  added: z.number().int(),
  skipped: z.number().int(),
  addedIds: z.array(z.string()),
  errors: z.array(ImportProblemSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** What the search worker indexes: the searchable text of one clipping. */
export const SearchDocSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  publication: z.string().optional(),
  author: z.string().optional(),
  place: z.string().optional(),
  tags: z.array(z.string()),
  date: z.string().optional(),
  addedAt: z.string(),
});
export type SearchDoc = z.infer<typeof SearchDocSchema>;

const byId = z.strictObject({ id: ClippingIdSchema });

export const api = {
  info: { input: z.strictObject({}), output: ArchiveInfoSchema },
  list: {
    input: z.strictObject({ trash: z.boolean().optional() }),
    output: z.array(ClippingSummarySchema),
  },
  get: { input: byId, output: ClippingSchema },
  add: { input: ClippingInputSchema, output: ClippingSchema },
  update: { input: ClippingPatchSchema.extend({ id: ClippingIdSchema }), output: ClippingSchema },
  trash: { input: byId, output: ClippingSchema },
  restore: { input: byId, output: ClippingSchema },
  importFiles: {
    input: z.strictObject({ files: z.array(ImportFileSchema).min(1).max(MAX_IMPORT_FILES) }),
    output: ImportReportSchema,
  },
  searchCorpus: { input: z.strictObject({}), output: z.array(SearchDocSchema) },
} satisfies Record<ApiMethod, { input: z.ZodType; output: z.ZodType }>;

export type Api = typeof api;
export type ApiInput<M extends ApiMethod> = z.input<Api[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Api[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<Api[M]['output']>;

/** Every answer crosses a transport as an envelope, so errors keep their code and fields. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the service implements. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> };

/** What `window.pressArchive` offers the renderer, over either transport. */
export type PressArchiveBridge = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<Envelope<ApiOutput<M>>>;
} & {
  /** Menu commands from the desktop app; the web transport has none. Returns an unsubscribe. */
  onCommand(listener: (command: string) => void): () => void;
};
