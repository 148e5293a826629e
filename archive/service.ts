// The service that implements the API over the archive on disk. Transports call it through
// createDispatcher (validated input); the CLI calls it directly.
//
// Longer than the other modules: it is the one class behind the whole API, a handler for each of its
// forty-odd methods. Each handler holds only what needs the store, the tasks and the service's own
// state; the work is in the modules they call (storage/, import/, backup/, scans/, search/, pdf/).
import {
  IMPORT_CHUNK_BYTES,
  type ApiHandlers,
  type ArchiveInfo,
  type ExportedFile,
  type ImportFile,
  type ImportProblem,
  type ImportReport,
  type SearchDoc,
  type SimilarClipping,
  type UsedValues,
} from './api.ts';
import {
  ClippingInputSchema,
  ClippingPatchSchema,
  applyPatch,
  createClipping,
  isHttpUrl,
  type Clipping,
  type ClippingInput,
  type ClippingSummary,
  type ValidClippingInput,
} from './clipping.ts';
import { toSearchDoc } from './clipping-records.ts';
import { ArchiveError, validationError } from './errors.ts';
import { EXPORT_EXTENSIONS, EXPORT_MIME_TYPES, serializeClippings, type ExportFormat } from './exports/formats.ts';
import { NearDuplicateCache } from './near-duplicate-cache.ts';
import type { ExportedPdf, ValidExportPdfInput } from './pdf/export-request.ts';
import type { PdfPrinter } from './pdf/printer.ts';
import { newClippingId } from './ids.ts';
import type { SavedSearch } from './search/api-schemas.ts';
import { highlighterFor } from './search/highlight.ts';
import { readSavedSearches, writeSavedSearches } from './search/saved-searches.ts';
import { seedClippings } from './seed/index.ts';
import type { BackupInfo, RestoreResult } from './backup/backup-info.ts';
import type { RepairReport } from './backup/repair-report.ts';
import { checkArchive } from './storage/check.ts';
import { planRepair } from './storage/repair.ts';
import { FORMAT_VERSION } from './storage/format.ts';
import { Uploads } from './import/upload.ts';
import { StagedImports } from './import/staged-imports.ts';
import { TaskRegistry, cancelledError, quietRun, type TaskRun } from './tasks.ts';
import { readBackupFile, writeBackupFile } from './backup/backup-file.ts';
import { DuplicateFilter } from './import/duplicate-filter.ts';
import { readImportRecords } from './import/read-records.ts';
import { parseTags, sameTags } from './tags.ts';
import { createOcrEngine, type OcrEngine } from './ocr/recognize.ts';
import { readScans, storeScanFiles, type ScanFile, type ScanReading } from './scans/read-scans.ts';
import { putScanFile, readScanFile, removeUnusedScans, scanHashesOf } from './scans/scan-files.ts';
import { ShardedStore, type Damage, type InsertContext, type WhenDamaged } from './storage/sharded-store.ts';

/**
 * A place where a test holds an import until it lets it go ('chunk': after the first piece of a
 * file came; 'adding': halfway through adding the records), so it can watch the progress and cancel
 * without racing the machine; or the full verification ('verify'), so it can see the list shown
 * before the damage is known. Only `press-archive serve` under a test passes one (see serve.ts).
 */
export type ImportHold = (point: 'chunk' | 'adding' | 'verify', signal: AbortSignal) => Promise<void>;

export class ArchiveService implements ApiHandlers {
  private readonly nearDuplicates = new NearDuplicateCache();
  /** The long tasks running now, so cancelTask can stop one. */
  readonly tasks = new TaskRegistry();
  private readonly staged = new StagedImports();
  private readonly uploads = new Uploads((task) => this.staged.end(task));
  private verification: Promise<Damage | undefined> | undefined;
  /** The OCR engine, started on the first scan and kept for the next (it ends itself when idle). */
  private ocr: OcrEngine | undefined;
  private readonly verifyListeners = new Set<(done: number, total: number) => void>();
  /** Aborted by close(): the background verification stops, so the process can end. */
  private readonly closing = new AbortController();

  private constructor(
    private readonly store: ShardedStore,
    private readonly whenDamaged: WhenDamaged,
    private readonly now: () => Date,
    private readonly openInBrowser?: (url: string) => Promise<void>,
    private readonly printer?: PdfPrinter,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly hold?: ImportHold,
    private readonly showFolder?: (dir: string) => Promise<void>,
  ) {}

  /**
   * The check of every shard against its checksums, which the app runs once the list has been
   * given (the list comes from the summaries): settles with the damage it found, if any. The CLI
   * refuses damage and reads fully what it needs, so for it this is only what is known already.
   */
  get verified(): Promise<Damage | undefined> {
    this.verification ??= this.whenDamaged === 'readOnly' ? this.runVerification() : Promise.resolve(this.store.damage);
    return this.verification;
  }

  private async runVerification(): Promise<Damage | undefined> {
    if (this.hold) await this.hold('verify', this.closing.signal);
    return this.store
      .verify((done, total) => {
        for (const listener of this.verifyListeners) listener(done, total);
      }, this.closing.signal)
      .catch(() => this.store.damage);
  }

  /**
   * Waits for the full verification (started after the list, or now), reporting how many shard
   * files are checked, and answers `info`: the page calls this once the list is shown, so damage
   * the verification finds reaches the banner as soon as it is found.
   */
  async verify(_input: object = {}, run: TaskRun = quietRun(undefined, 'verify')): Promise<ArchiveInfo> {
    const listener = (done: number, total: number) => run.progress('checked', done, total);
    this.verifyListeners.add(listener);
    try {
      await this.verified;
    } finally {
      this.verifyListeners.delete(listener);
    }
    return this.info();
  }

  /**
   * Repairs a damaged archive (storage/repair.ts): only the damaged clippings are put back, each
   * from the newest snapshot that holds it intact, under the lock and in one commit, after a
   * snapshot of the damaged state. Says what came from where, and names what could not be
   * repaired; a damaged manifest is reported, not guessed at (a whole backup has to be restored).
   */
  async repair(): Promise<RepairReport> {
    const dir = this.store.dir;
    let plan: Awaited<ReturnType<typeof planRepair>> & { setAside?: string };
    try {
      plan = await this.store.repair((manifest) => planRepair(dir, manifest));
    } catch (error) {
      if (!(error instanceof ArchiveError) || error.info.code !== 'damaged') throw error;
      const { file, detail } = error.info.params ?? {};
      return {
        ok: false,
        restored: [],
        rebuilt: [],
        unrepaired: [{ file: String(file), reason: 'manifest', detail: String(detail) }],
        clippings: 0,
      };
    }
    this.verification = undefined;
    const check = await checkArchive(dir);
    const unrepaired = [...plan.unrepaired];
    for (const { file, detail, id } of check.problems) {
      unrepaired.push({ file, reason: 'other', detail, ...(id !== undefined ? { id } : {}) });
    }
    return {
      ok: check.ok && unrepaired.length === 0,
      ...(plan.setAside ? { setAside: plan.setAside } : {}),
      restored: plan.restored,
      rebuilt: plan.rebuilt,
      unrepaired,
      clippings: check.clippings,
    };
  }

  /**
   * `openInBrowser`: how the host opens a web address in the system browser (the desktop app passes
   * main/open-external.ts); without it openClippingUrl leaves the opening to the page.
   * `whenDamaged`: the app opens a damaged archive read-only (the default); the CLI refuses it.
   * `env`: where the saved search index is kept (PRESS_ARCHIVE_CACHE_DIR), default this process's.
   * `showFolder`: how the desktop app shows the archive's folder in the file manager.
   */
  static async open(
    dir: string,
    options: {
      now?: () => Date;
      openInBrowser?: (url: string) => Promise<void>;
      printer?: PdfPrinter;
      whenDamaged?: WhenDamaged;
      env?: NodeJS.ProcessEnv;
      importHold?: ImportHold;
      showFolder?: (dir: string) => Promise<void>;
    } = {},
  ): Promise<ArchiveService> {
    const now = options.now ?? (() => new Date());
    const whenDamaged = options.whenDamaged ?? 'readOnly';
    const store = await ShardedStore.open(dir, {
      now,
      whenDamaged,
      initialClippings: () => {
        const at = now();
        return seedClippings().map((input) =>
          createClipping(newClippingId(at.getTime()), ClippingInputSchema.parse(input), at.toISOString()),
        );
      },
    });
    return new ArchiveService(
      store,
      whenDamaged,
      now,
      options.openInBrowser,
      options.printer,
      options.env,
      options.importHold,
      options.showFolder,
    );
  }

  get archiveDir(): string {
    return this.store.dir;
  }

  /** What is wrong with the archive while it is damaged (it is read-only until restored). */
  get damage(): Damage | undefined {
    return this.store.damage;
  }

  async info(): Promise<ArchiveInfo> {
    const { clippings, trashed } = await this.store.counts();
    const damage = this.store.damage;
    return {
      archiveDir: this.store.dir,
      formatVersion: FORMAT_VERSION,
      generation: this.store.generation,
      clippings: clippings - trashed,
      trashed,
      ...(damage ? { damage } : {}),
      canOpenFolder: this.showFolder !== undefined,
    };
  }

  /** Shows the archive's own folder (never another path) in the file manager, where the host can. */
  async openArchiveFolder(): Promise<{ opened: boolean }> {
    if (!this.showFolder) return { opened: false };
    await this.showFolder(this.store.dir);
    return { opened: true };
  }

  /**
   * Clippings without their text, newest first; the trash when asked. From the summary files, so
   * the list is there at once; the CLI (which refuses damage) reads and checks every shard first.
   */
  async list(input: { trash?: boolean } = {}): Promise<ClippingSummary[]> {
    if (this.whenDamaged === 'refuse') await this.store.all();
    const list = (await this.store.summaries())
      .filter((c) => (c.deletedAt !== undefined) === (input.trash ?? false))
      .sort(newestFirst)
      .map(({ digest: _digest, sha256: _sha256, ...summary }) => summary);
    // The full verification starts once this answer is on its way, so it never delays the list.
    if (!this.verification) setImmediate(() => void this.verified);
    return list;
  }

  async get(input: { id: string }): Promise<Clipping> {
    const clipping = await this.store.get(input.id);
    if (!clipping) throw new ArchiveError({ code: 'notFound', params: { id: input.id } });
    return clipping;
  }

  /** Validates (again: the CLI calls this without a transport) and stores a new clipping. */
  async add(input: ClippingInput): Promise<Clipping> {
    const parsed = ClippingInputSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const [clipping] = await this.store.insert(async (stored) => [await this.newClipping(parsed.data, stored.idTaken)]);
    return clipping!;
  }

  async update(input: { id: string } & Record<string, unknown>): Promise<Clipping> {
    const { id, ...changes } = input;
    const parsed = ClippingPatchSchema.safeParse(changes);
    if (!parsed.success) throw validationError(parsed.error);
    // Every key sent is applied: '' clears an optional field. The transports hand over the input
    // already parsed, where '' has become undefined, so a key present with undefined clears too;
    // a key not sent is left alone.
    const given = new Set(Object.keys(changes));
    return this.store.update(id, (current) => applyPatch(current, parsed.data, given, this.now().toISOString()));
  }

  /** Moves a clipping to the trash; nothing leaves the disk until the trash is emptied. */
  trash(input: { id: string }): Promise<Clipping> {
    return this.store.update(input.id, (current) => ({
      ...current,
      deletedAt: current.deletedAt ?? this.now().toISOString(),
    }));
  }

  restore(input: { id: string }): Promise<Clipping> {
    return this.store.update(input.id, ({ deletedAt: _deletedAt, ...rest }) => rest);
  }

  /**
   * Imports files in one write: every valid record not already in the archive (same URL or same
   * text) is added, the rest are reported, and so is each file that cannot be read at all, by name.
   * Cancelling (the run's signal) before the write leaves the archive as it was.
   * Progress: records read (parsed and checked) of all, then records added of the valid ones.
   */
  importFiles(input: { files: ImportFile[] }, run: TaskRun = quietRun()): Promise<ImportReport> {
    return this.importRecords({ files: input.files, refused: [] }, [], run);
  }

  /**
   * Clippings from scanned images (and text files alongside): each scan is read by OCR (progress: pages 'recognized'), then
   * stored with its clipping in one write, as importFiles does. A scan whose text is already in the
   * archive is skipped; a file that is not an image, or holds no text, is reported by name.
   */
  async importScans(
    input: { scans: ScanFile[]; files?: ImportFile[]; refused?: ImportProblem[]; order?: string[] },
    run: TaskRun = quietRun(),
  ): Promise<ImportReport> {
    const { readings, problems } = await readScans(input.scans, () => this.ocrEngine(), run);
    const refused = [...(input.refused ?? []), ...problems];
    return this.importRecords({ files: input.files ?? [], refused, order: input.order }, readings, run);
  }

  /**
   * One clipping from one scan (`add --scan`): the fields given win over what OCR proposes (the
   * title from the first line, the text as the body); the OCR text is kept as ocrText either way.
   */
  async addScan(
    input: { scan: ScanFile; fields: Partial<ClippingInput> },
    run: TaskRun = quietRun(),
  ): Promise<Clipping> {
    const { readings, problems } = await readScans([input.scan], () => this.ocrEngine(), run);
    const reading = readings[0];
    if (!reading) throw new ArchiveError(problems[0]!.error);
    const parsed = ClippingInputSchema.safeParse({ ...reading.input, ...input.fields });
    if (!parsed.success) throw validationError(parsed.error);
    run.check();
    const [clipping] = await this.store.insert(async (stored) => {
      const scan = await storeScanFiles(this.store.dir, reading);
      const made = await this.newClipping(parsed.data, stored.idTaken);
      return [{ ...made, ocrText: reading.input.body, scans: [scan] }];
    });
    return clipping!;
  }

  /**
   * Before the process ends (the CLI after its command, `serve` when stopped): cancels the tasks
   * still running, which leaves the archive as before each of them, stops the background
   * verification, and ends the OCR engine's worker (it otherwise ends when idle).
   */
  async close(): Promise<void> {
    this.tasks.cancelAll();
    this.closing.abort();
    const engine = this.ocr;
    this.ocr = undefined;
    await engine?.close();
  }

  private ocrEngine(): OcrEngine {
    return (this.ocr ??= createOcrEngine());
  }

  /** The image of a page (or the original file) of a clipping's scan, checked against its checksum. */
  async scanImage(input: { id: string; sha256: string }): Promise<{ mime: string; base64: string }> {
    const clipping = await this.get({ id: input.id });
    // Only the files this clipping uses: a page cannot ask for anything else in the folder.
    if (!scanHashesOf([clipping]).has(input.sha256)) {
      throw new ArchiveError({ code: 'notFound', params: { id: `${input.id}/${input.sha256.slice(0, 12)}` } });
    }
    const { file, bytes } = await readScanFile(this.store.dir, input.sha256);
    return {
      mime: MIME_OF_EXTENSION[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
      base64: bytes.toString('base64'),
    };
  }

  /**
   * The records of the files, and the scans read by OCR, in one write; the files refused before they
   * could be read (a kind, a size, not UTF-8, not an image) are reported by name in their place
   * among the others (`order`: the names as the files were given).
   */
  private async importRecords(
    input: { files: ImportFile[]; refused: ImportProblem[]; order?: string[] | undefined },
    readings: ScanReading[],
    run: TaskRun,
  ): Promise<ImportReport> {
    if (run.task !== undefined) this.staged.begin(run.task);
    try {
      return await this.readAndWriteRecords(input, readings, run);
    } finally {
      // What importingCorpus handed out is the archive's now, or was never written.
      if (run.task !== undefined) this.staged.end(run.task);
    }
  }

  private async readAndWriteRecords(
    input: { files: ImportFile[]; refused: ImportProblem[]; order?: string[] | undefined },
    readings: ScanReading[],
    run: TaskRun,
  ): Promise<ImportReport> {
    const { valid, errors } = await readImportRecords(input, run);
    let skipped = 0;
    if (valid.length === 0 && readings.length === 0) {
      // Nothing to add (every file refused, or no valid record): the archive is not written at all.
      run.check();
      run.progress('added', 0, 0);
      return { added: 0, skipped: 0, addedIds: [], errors };
    }
    const added = await this.store.insert(async (stored: InsertContext) => {
      const seen = new DuplicateFilter(await stored.summaries());
      const fresh: Clipping[] = [];
      const freshIds = new Set<string>(); // a set: 100,000 records would otherwise compare 10^10 times
      run.progress('added', 0, valid.length);
      for (const [i, record] of valid.entries()) {
        if (i > 0 && i % 500 === 0) {
          run.check();
          run.progress('added', i, valid.length);
          if (this.hold && i >= valid.length / 2 && i - 500 < valid.length / 2) await this.hold('adding', run.signal);
        }
        if (seen.isDuplicate(record)) {
          skipped += 1;
          continue;
        }
        seen.remember(record);
        const clipping = await this.newClipping(record, async (id) => freshIds.has(id) || (await stored.idTaken(id)));
        freshIds.add(clipping.id);
        fresh.push(clipping);
      }
      // Scanned clippings: their files are stored first (under the lock), then the clippings.
      for (const reading of readings) {
        run.check();
        if (seen.isDuplicate(reading.input)) {
          skipped += 1;
          continue;
        }
        seen.remember(reading.input);
        const scan = await storeScanFiles(this.store.dir, reading);
        const clipping = await this.newClipping(
          reading.input,
          async (id) => freshIds.has(id) || (await stored.idTaken(id)),
        );
        freshIds.add(clipping.id);
        fresh.push({ ...clipping, ocrText: reading.input.body, scans: [scan] });
      }
      // The last moment a cancel can stop it: past here the write is done whole.
      run.check();
      run.progress('added', valid.length, valid.length);
      if (run.task !== undefined) this.staged.publish(run.task, fresh);
      return fresh;
    });
    return { added: added.length, skipped, addedIds: added.map((c) => c.id), errors };
  }

  /**
   * Begins an import whose files come in pieces (importChunk), decoded here as they come. Files of a
   * kind we do not read or over the size limit are named in `refused` (send none of their bytes) and
   * in the report; the others are imported.
   */
  async importBegin(input: { task: string; files: { name: string; size: number }[] }, run: TaskRun = quietRun()) {
    const upload = this.uploads.begin(input.task, input.files);
    this.staged.begin(input.task);
    run.progress('bytes', 0, upload.totalBytes);
    return { chunkBytes: IMPORT_CHUNK_BYTES, refused: upload.refused };
  }

  async importChunk(input: { task: string; file: number; bytes: Uint8Array }, run: TaskRun = quietRun()) {
    const upload = this.uploadOf(input.task, run);
    const first = upload.receivedBytes === 0;
    const received = upload.add(input.file, input.bytes);
    run.progress('bytes', received, upload.totalBytes);
    if (this.hold && first) await this.hold('chunk', run.signal);
    this.uploadOf(input.task, run); // cancelled meanwhile?
    return { received };
  }

  async importFinish(input: { task: string }, run: TaskRun = quietRun()): Promise<ImportReport> {
    const upload = this.uploadOf(input.task, run);
    try {
      const { files, scans, refused } = upload.finish();
      return await this.importScans({ scans, files, refused, order: upload.names }, run);
    } finally {
      this.uploads.end(input.task);
      this.staged.end(input.task);
    }
  }

  /**
   * The searchable text of the clippings import `task` adds, as soon as they are made, while the
   * archive writes them: the app's search worker indexes them meanwhile. Asked during the import, it
   * waits for them; empty when the import adds nothing, fails before writing, or is over, and when
   * it adds fewer than `fewest` or more than `most` (then they are not worth sending).
   */
  async importingCorpus(input: { task: string; fewest?: number; most?: number }): Promise<SearchDoc[]> {
    const clippings = await this.staged.clippingsOf(input.task);
    if (clippings.length < (input.fewest ?? 0) || clippings.length > (input.most ?? Infinity)) return [];
    return clippings.map(toSearchDoc);
  }

  /** Stops a long task; an import's pieces received so far are dropped. */
  async cancelTask(input: { task: string }): Promise<{ cancelled: boolean }> {
    const running = this.tasks.cancel(input.task);
    const uploading = this.uploads.end(input.task) !== undefined;
    if (!running) this.staged.end(input.task); // else the import ends it as it stops
    return { cancelled: running || uploading };
  }

  private uploadOf(task: string, run: TaskRun) {
    run.check();
    const upload = this.uploads.get(task);
    if (upload) return upload;
    if (this.tasks.isCancelled(task)) throw cancelledError();
    throw new ArchiveError({ code: 'badRequest', params: { detail: `no import ${task} is under way` } });
  }

  /** The searchable text of every clipping not in the trash (or of just `ids`), for the search index. */
  async searchCorpus(input: { ids?: string[] | undefined } = {}): Promise<SearchDoc[]> {
    // By ids: only the shards that hold them are read, so a rebuild in batches reads each shard about once.
    const clippings = input.ids === undefined ? await this.store.all() : await this.store.getMany(input.ids);
    return clippings.filter((c) => c.deletedAt === undefined).map(toSearchDoc);
  }

  /** Passages of these clippings around the query's matches ('' gives their opening lines). */
  async searchSnippets(input: { ids: string[]; query: string; typing?: boolean | undefined }) {
    const highlighter = highlighterFor(input.query, { typing: input.typing ?? false });
    // One read of the archive for all of them (one look at the manifest, each shard read once).
    const byId = new Map((await this.store.getMany(input.ids)).map((c) => [c.id, c]));
    return input.ids.flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ id, snippet: highlighter.snippet(c.body) }] : [];
    });
  }

  savedSearches(): Promise<SavedSearch[]> {
    return readSavedSearches(this.store.dir);
  }

  async saveSearches(input: { searches: SavedSearch[] }): Promise<SavedSearch[]> {
    await this.store.assertWritable(); // a damaged archive's folder is not written to
    return writeSavedSearches(this.store.dir, input.searches);
  }

  /**
   * The user clicked a clipping's web address: only the http(s) address stored with that very
   * clipping is ever opened, so a page cannot use this to open anything else.
   */
  async openClippingUrl(input: { id: string; url: string }): Promise<{ url: string; opened: boolean }> {
    const { url } = await this.get({ id: input.id });
    if (url === undefined || url !== input.url || !isHttpUrl(url)) {
      throw new ArchiveError({ code: 'linkRefused', params: { id: input.id } });
    }
    if (!this.openInBrowser) return { url, opened: false };
    await this.openInBrowser(url);
    return { url, opened: true };
  }

  /** Publications and tags of the clippings not in the trash, most used first. */
  async vocabulary(): Promise<UsedValues> {
    const active = (await this.store.summaries()).filter((c) => c.deletedAt === undefined);
    return {
      publications: countValues(active.flatMap((c) => (c.publication ? [c.publication] : []))),
      tags: countValues(active.flatMap((c) => c.tags)),
    };
  }

  /** Clippings whose text is nearly the same as this one's (see similarity.ts). */
  async similar(input: { id: string }): Promise<SimilarClipping[]> {
    const clipping = await this.get(input);
    const index = await this.nearDuplicates.current(await this.activeClippings());
    if (clipping.deletedAt !== undefined) index.put(clipping.id, clipping.body);
    const result: SimilarClipping[] = [];
    for (const { id, similarity } of index.similarTo(clipping.id)) {
      result.push({ id, title: (await this.store.get(id))?.title ?? '', similarity });
    }
    return result;
  }

  async exportData(
    input: { format: ExportFormat; ids?: string[] | undefined },
    run: TaskRun = quietRun(),
  ): Promise<ExportedFile> {
    const clippings = input.ids === undefined ? await this.activeClippings() : await this.getAll(input.ids, run);
    run.check();
    const day = this.now().toISOString().slice(0, 10);
    const content = serializeClippings(clippings, input.format);
    run.progress('written', clippings.length, clippings.length);
    return {
      fileName: `press-archive-${day}${EXPORT_EXTENSIONS[input.format]}`,
      mimeType: EXPORT_MIME_TYPES[input.format],
      content,
      count: clippings.length,
    };
  }

  /** These clippings, in order, reporting how many were read (step 'written': they go to a file). */
  private async getAll(ids: readonly string[], run: TaskRun): Promise<Clipping[]> {
    const clippings: Clipping[] = [];
    run.progress('written', 0, ids.length);
    for (const id of ids) {
      clippings.push(await this.get({ id }));
      if (clippings.length % 500 === 0) {
        run.check();
        run.progress('written', clippings.length, ids.length);
      }
    }
    return clippings;
  }

  /** A PDF of the given clippings, a search's results or all, printed by the host's printer. */
  async exportPdf(input: ValidExportPdfInput, run: TaskRun = quietRun()): Promise<ExportedPdf> {
    if (!this.printer) throw new ArchiveError({ code: 'internal', params: { detail: 'no PDF printer here' } });
    // Loaded on first use: pdf-lib and the fonts would slow every CLI command's start.
    const { exportPdf, searchForPdf } = await import('./pdf/export-pdf.ts');
    let ids = input.ids;
    if (ids === undefined && input.query !== undefined) {
      // Ranked by the saved search index (brought up to date, see index-file.ts): building one for
      // each export would read and analyze the whole archive again.
      const { openSearchIndex } = await import('./search/index-file.ts');
      ids = searchForPdf((await openSearchIndex(this, this.env)).engine, input.query);
    }
    const chosen =
      ids === undefined ? await this.activeClippings() : await Promise.all(ids.map((id) => this.get({ id })));
    return exportPdf(chosen, input, {
      printer: this.printer,
      now: this.now(),
      onPrinted: (done, total) => {
        run.check();
        run.progress('printed', done, total);
      },
      // Each image checked against its checksum: a damaged scan is an error, never printed.
      readScanImage: async (hash) => (await readScanFile(this.store.dir, hash)).bytes,
    });
  }

  /** Every clipping not in the trash, newest first. */
  private async activeClippings(): Promise<Clipping[]> {
    return (await this.store.all()).filter((c) => c.deletedAt === undefined).sort(newestFirst);
  }

  /** The snapshots in the archive's backups/ folder, newest first. */
  backups(): Promise<BackupInfo[]> {
    return this.store.backups();
  }

  /** Puts the archive back as it was in a snapshot, the current state set aside first. */
  async restoreBackup(input: { name: string }, run: TaskRun = quietRun()): Promise<RestoreResult> {
    // One step in the store (all or nothing): progress says it began and when it is done.
    run.progress('written', 0, 1);
    const result = await this.store.restoreBackup(input.name);
    run.progress('written', 1, 1);
    return result;
  }

  /** Takes a snapshot now (the CLI's `backup`). */
  takeBackup(): Promise<BackupInfo> {
    return this.store.takeBackup();
  }

  /** The whole archive, the trash included, as one JSON file (see restoreFile). */
  async backupFile(_input: object = {}, run: TaskRun = quietRun()): Promise<ExportedFile> {
    return writeBackupFile(this.store.dir, (await this.store.all()).sort(newestFirst), this.now(), run);
  }

  /**
   * Puts the archive back as a backup file has it. The file is checked whole first (a bad one
   * changes nothing); the current state is kept aside in a snapshot, named in the answer.
   * Progress: clippings checked ('read'), then the one write ('written').
   */
  async restoreFile(
    input: { name: string; content: string },
    run: TaskRun = quietRun(),
  ): Promise<{ restored: number; setAside: string }> {
    const { clippings, scanFiles } = await readBackupFile(this.store.dir, input, run);
    run.check(); // the last moment a cancel can stop it: the write below is whole or nothing
    run.progress('written', 0, clippings.length);
    // Scan files first (named by their content, they change nothing that is there), then the clippings.
    for (const bytes of scanFiles.values()) await putScanFile(this.store.dir, bytes);
    const setAside = await this.store.replaceAll(clippings);
    run.progress('written', clippings.length, clippings.length);
    return { restored: clippings.length, setAside: setAside.name };
  }

  /** Removes the clippings in the trash from disk: the one way anything leaves the archive. */
  emptyTrash(): Promise<{ removed: number }> {
    // A scan file goes with the last clipping that uses it (snapshots keep their own copies).
    return this.store.removeTrashed(async (removed, remaining) => {
      await removeUnusedScans(this.store.dir, removed, await remaining());
    });
  }

  /**
   * Adds and removes tags on many clippings, in one write (all or none). Every id is checked
   * before anything is written.
   */
  async retag(input: { ids: string[]; add?: string[] | undefined; remove?: string[] | undefined }): Promise<{
    changed: number;
  }> {
    const add = parseTags(input.add ?? []);
    const remove = new Set(parseTags(input.remove ?? []));
    for (const id of input.ids) await this.get({ id });
    const changed = await this.store.updateMany(
      (c) => this.withTags(c, [...new Set([...c.tags.filter((t) => !remove.has(t)), ...add])]),
      new Set(input.ids),
    );
    return { changed: changed.length };
  }

  /**
   * Renames a tag on every clipping (the trash too), in one write; a name already in use merges
   * the two tags.
   */
  async renameTag(input: { from: string; to: string }): Promise<{ changed: number }> {
    const [from] = parseTags([input.from]);
    const [to] = parseTags([input.to]);
    if (from === undefined || to === undefined) {
      throw new ArchiveError({ code: 'validation', fields: [{ field: 'tags', code: 'required' }] });
    }
    if (from === to) return { changed: 0 };
    const changed = await this.store.updateMany((c) =>
      c.tags.includes(from) ? this.withTags(c, [...new Set(c.tags.map((t) => (t === from ? to : t)))]) : undefined,
    );
    return { changed: changed.length };
  }

  /** The clipping with these tags, or undefined when they are the ones it has. */
  private withTags(clipping: Clipping, tags: string[]): Clipping | undefined {
    if (sameTags(tags, clipping.tags)) return undefined;
    return applyPatch(clipping, ClippingPatchSchema.parse({ tags }), new Set(['tags']), this.now().toISOString());
  }

  private async newClipping(input: ValidClippingInput, idTaken: (id: string) => Promise<boolean>): Promise<Clipping> {
    const at = this.now();
    let id = newClippingId(at.getTime());
    while (await idTaken(id)) id = newClippingId(at.getTime());
    return createClipping(id, input, at.toISOString());
  }
}

const MIME_OF_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tif: 'image/tiff',
  pdf: 'application/pdf',
};

function countValues(values: string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'hi'));
}

function newestFirst(a: Pick<Clipping, 'addedAt' | 'id'>, b: Pick<Clipping, 'addedAt' | 'id'>): number {
  return a.addedAt === b.addedAt ? (a.id < b.id ? 1 : -1) : a.addedAt < b.addedAt ? 1 : -1;
}
