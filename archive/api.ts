// The API, declared once: for each method the schema of its argument and of its result.
// The service implements it; the Electron IPC and HTTP transports are generated from it.
import { z } from 'zod';
import {
  ClippingIdSchema,
  ClippingInputSchema,
  ClippingPatchSchema,
  ClippingSchema,
  ClippingSummarySchema,
  Sha256Schema,
} from './clipping.ts';
import { INDEXED_FIELDS, type IndexedField } from './clipping-fields.ts';
import type { ApiMethod, BytesMethod } from './api-methods.ts';
import { PROGRESS_STEPS, TASK_KINDS, type Progress } from './progress.ts';
import type { TaskRun } from './tasks.ts';
import { TaskIdSchema } from './task-id.ts';
import {
  SaveSearchesInputSchema,
  SavedSearchesSchema,
  SnippetsInputSchema,
  SnippetsSchema,
} from './search/api-schemas.ts';
import { ErrorInfoSchema, type ErrorInfo } from './errors.ts';
import { BackupInfoSchema, BackupNameSchema, RestoreResultSchema } from './backup/backup-info.ts';
import { RepairReportSchema } from './backup/repair-report.ts';
import { EXPORT_FORMATS } from './exports/formats.ts';
import { ExportPdfInputSchema, ExportedPdfSchema } from './pdf/export-request.ts';

export const MAX_IMPORT_FILES = 1000;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** The error for a file over MAX_IMPORT_BYTES, said before it is read (sizes in whole MB). */
export function fileTooLarge(file: string, bytes: number): ErrorInfo {
  const mb = (n: number) => Math.ceil(n / (1024 * 1024));
  return { code: 'fileTooLarge', params: { file, size: mb(bytes), max: mb(MAX_IMPORT_BYTES) } };
}
/** searchCorpus by ids: at most this many per call. */
export const MAX_CORPUS_IDS = 5000;

/** What is wrong with a damaged archive (then it is read-only until restored): file and problem. */
export const DamageSchema = z.object({
  problems: z.array(z.object({ file: z.string(), detail: z.string(), id: z.string().optional() })),
});
export type Damage = z.infer<typeof DamageSchema>;

export const ArchiveInfoSchema = z.object({
  archiveDir: z.string(),
  formatVersion: z.number(),
  generation: z.number(),
  clippings: z.number(),
  trashed: z.number(),
  damage: DamageSchema.optional(),
  /** The desktop app can show the archive's folder in the file manager (serve cannot). */
  canOpenFolder: z.boolean(),
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

const withTask = { task: TaskIdSchema.optional() };

/** One progress event of a long task (progress.ts says what its fields count). */
export const ProgressSchema = z.object({
  task: z.string(),
  kind: z.enum(TASK_KINDS),
  step: z.enum(PROGRESS_STEPS),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
ProgressSchema satisfies z.ZodType<Progress>;
export { PROGRESS_STEPS, TASK_KINDS, type Progress, type ProgressStep, type TaskKind } from './progress.ts';

/** An import's files are sent in pieces of at most this many bytes (each its own call). */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/** What the search worker indexes: the searchable fields of one clipping (declared in clipping-fields.ts). */
export const SearchDocSchema = ClippingSchema.pick({
  id: true,
  ...(Object.fromEntries(INDEXED_FIELDS.map((name) => [name, true])) as Record<IndexedField, true>),
  addedAt: true,
}).extend({
  /** The version the index holds, to catch up with changes made elsewhere (archive/search/sync.ts). */
  updatedAt: z.string().optional(),
});
export type SearchDoc = z.infer<typeof SearchDocSchema>;

const byId = z.strictObject({ id: ClippingIdSchema });

const CountedValueSchema = z.object({ value: z.string(), count: z.number().int() });
export const UsedValuesSchema = z.object({
  publications: z.array(CountedValueSchema),
  tags: z.array(CountedValueSchema),
});
export type UsedValues = z.infer<typeof UsedValuesSchema>;

export const ExportedFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  count: z.number().int(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;

export const SimilarClippingSchema = z.object({ id: z.string(), title: z.string(), similarity: z.number() });
export type SimilarClipping = z.infer<typeof SimilarClippingSchema>;

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
    input: z.strictObject({ files: z.array(ImportFileSchema).min(1).max(MAX_IMPORT_FILES), ...withTask }),
    output: ImportReportSchema,
  },
  /**
   * The same import with the files sent as bytes, piece by piece, so the page never holds or
   * decodes a whole file: importBegin names the files and their sizes, importChunk sends the next
   * bytes of one (in order), importFinish imports them all at once (all or nothing, as importFiles).
   */
  importBegin: {
    input: z.strictObject({
      task: TaskIdSchema,
      files: z
        .array(z.strictObject({ name: z.string().min(1).max(1000), size: z.number().int().nonnegative() }))
        .min(1)
        .max(MAX_IMPORT_FILES),
    }),
    /** `refused`: files (by their place in `files`) not imported for their kind or size: send none of their bytes. */
    output: z.object({ chunkBytes: z.number().int(), refused: z.array(z.number().int()) }),
  },
  importChunk: {
    input: z.strictObject({
      task: TaskIdSchema,
      file: z.number().int().nonnegative().max(MAX_IMPORT_FILES),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= IMPORT_CHUNK_BYTES, 'tooLong'),
    }),
    output: z.object({ received: z.number().int() }),
  },
  importFinish: { input: z.strictObject({ task: TaskIdSchema }), output: ImportReportSchema },
  /** Stops a long task; what it was doing is left undone (an import adds nothing). */
  cancelTask: { input: z.strictObject({ task: TaskIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** The searchable text of every clipping not in the trash, or of just these (to catch an index up). */
  searchCorpus: {
    input: z.strictObject({ ids: z.array(ClippingIdSchema).max(MAX_CORPUS_IDS).optional() }),
    output: z.array(SearchDocSchema),
  },
  /**
   * The searchable text of the clippings an import under way adds, once they are made (past its
   * last cancel), while the archive writes them; empty when it adds nothing, is over, or adds fewer
   * than `fewest` or more than `most` (the caller would not use them).
   */
  importingCorpus: {
    input: z.strictObject({
      task: TaskIdSchema,
      fewest: z.number().int().nonnegative().optional(),
      most: z.number().int().nonnegative().optional(),
    }),
    output: z.array(SearchDocSchema),
  },
  /** Passages of these clippings around a query's matches (the result rows on screen). */
  searchSnippets: { input: SnippetsInputSchema, output: SnippetsSchema },
  /** The saved searches of this archive (saved-searches.json in its folder). */
  savedSearches: { input: z.strictObject({}), output: SavedSearchesSchema },
  saveSearches: { input: SaveSearchesInputSchema, output: SavedSearchesSchema },
  /** The snapshots in the archive's backups/ folder, newest first. */
  backups: { input: z.strictObject({}), output: z.array(BackupInfoSchema) },
  /** Puts the archive back as it was in a snapshot; the current state is set aside first. */
  restoreBackup: { input: z.strictObject({ name: BackupNameSchema, ...withTask }), output: RestoreResultSchema },
  /** Publications and tags in use, most used first: for autocomplete. */
  vocabulary: { input: z.strictObject({}), output: UsedValuesSchema },
  /** Near duplicates of a clipping (the same story with small edits), most similar first. */
  similar: { input: byId, output: z.array(SimilarClippingSchema) },
  /** Clippings as a file: the given ids, else every clipping not in the trash. */
  exportData: {
    input: z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      ids: z.array(ClippingIdSchema).max(1_000_000).optional(),
      ...withTask,
    }),
    output: ExportedFileSchema,
  },
  /** Opens the web address stored with a clipping (the user clicked it in the reader); see service. */
  openClippingUrl: {
    input: z.strictObject({ id: ClippingIdSchema, url: z.string().max(2000) }),
    output: z.object({ url: z.string(), opened: z.boolean() }),
  },
  /** Clippings as a print-quality PDF: the given ids, a search's results, or all (archive/pdf/). */
  exportPdf: { input: ExportPdfInputSchema, output: ExportedPdfSchema },
  /** Removes every clipping in the trash from disk: the only way anything leaves the archive. */
  emptyTrash: { input: z.strictObject({}), output: z.object({ removed: z.number().int() }) },
  /** Adds and removes tags on many clippings at once. */
  retag: {
    input: z.strictObject({
      ids: z.array(ClippingIdSchema).min(1).max(100_000),
      add: z.array(z.string().max(200)).max(100).optional(),
      remove: z.array(z.string().max(200)).max(100).optional(),
    }),
    output: z.object({ changed: z.number().int() }),
  },
  /** The whole archive, the trash included, as one file to keep wherever the user likes. */
  backupFile: { input: z.strictObject({ ...withTask }), output: ExportedFileSchema },
  /** Replaces the archive by a backup file's clippings; the current state is kept as a snapshot. */
  restoreFile: {
    input: z.strictObject({
      name: z.string().min(1).max(1000),
      content: z.string().max(MAX_IMPORT_BYTES),
      ...withTask,
    }),
    output: z.object({ restored: z.number().int(), setAside: z.string() }),
  },
  /** Takes a snapshot into backups/ now (as the CLI's `backup` does). */
  takeBackup: { input: z.strictObject({}), output: BackupInfoSchema },
  /** Shows the archive's folder in the system's file manager (desktop only; see info.canOpenFolder). */
  openArchiveFolder: { input: z.strictObject({}), output: z.object({ opened: z.boolean() }) },
  /**
   * Waits for the full verification of every shard (which the app starts once the list is shown),
   * with its progress, and answers what `info` then says: how the page learns of damage found in
   * the background without asking again.
   */
  verify: { input: z.strictObject({ ...withTask }), output: ArchiveInfoSchema },
  /**
   * Repairs a damaged archive: only the damaged clippings are put back, each from the newest
   * snapshot holding it intact; says what came from where and what could not be repaired.
   */
  repair: { input: z.strictObject({}), output: RepairReportSchema },
  /** Renames a tag on every clipping; renaming to a tag in use merges the two. */
  renameTag: {
    input: z.strictObject({ from: z.string().min(1).max(200), to: z.string().max(200) }),
    output: z.object({ changed: z.number().int() }),
  },
  /** A file of a clipping's scan (a page image or the original), as base64: the reader shows it. */
  scanImage: {
    input: z.strictObject({ id: ClippingIdSchema, sha256: Sha256Schema }),
    output: z.object({ mime: z.string(), base64: z.string() }),
  },
} satisfies Record<ApiMethod, { input: z.ZodType; output: z.ZodType }>;

export type Api = typeof api;
export type ApiInput<M extends ApiMethod> = z.input<Api[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Api[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<Api[M]['output']>;

/** Every answer crosses a transport as an envelope, so errors keep their code and fields. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the service implements; long methods also take the run that reports progress (archive/tasks.ts). */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, run?: TaskRun) => Promise<ApiOutput<M>>;
};

/** The bridge takes an import's bytes as a Blob (a slice of the chosen file, never read by the page). */
export type BridgeInput<M extends ApiMethod> = M extends 'importChunk'
  ? Omit<ApiInput<M>, 'bytes'> & { bytes: Blob }
  : ApiInput<M>;

/** What `window.pressArchive` offers the renderer, over either transport. */
export type PressArchiveBridge = {
  [M in ApiMethod]: (input: BridgeInput<M>) => Promise<Envelope<ApiOutput<M>>>;
} & {
  /**
   * The same call, its envelope as UTF-8 JSON bytes (never parsed on the way), for the page to
   * transfer to a worker. A failure of the transport itself comes as an error envelope too.
   */
  answerBytes(method: BytesMethod, input: ApiInput<BytesMethod>): Promise<Uint8Array>;
  /**
   * Over HTTP only (`press-archive serve`): what a worker of this page needs to call answerBytes's
   * methods itself (the per-run token), so their answers never pass through the page's thread.
   */
  workerAccess?(): { token: string };
  /** Menu commands from the desktop app; the web transport has none. Returns an unsubscribe. */
  onCommand(listener: (command: string) => void): () => void;
  /** Progress of the long tasks this page started (see ProgressSchema). Returns an unsubscribe. */
  onProgress(listener: (event: Progress) => void): () => void;
};
