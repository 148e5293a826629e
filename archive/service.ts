// The service that implements the API over the archive on disk. Transports call it through
// createDispatcher (validated input); the CLI calls it directly.
import type { ApiHandlers, ArchiveInfo, ImportFile, ImportProblem, ImportReport, SearchDoc } from './api.ts';
import {
  ClippingInputSchema,
  ClippingPatchSchema,
  applyPatch,
  createClipping,
  summarize,
  type Clipping,
  type ClippingInput,
  type ClippingSummary,
  type ValidClippingInput,
} from './clipping.ts';
import { ArchiveError, toErrorInfo, validationError } from './errors.ts';
import { newClippingId } from './ids.ts';
import { parseImportFile, type CandidateRecord } from './import/records.ts';
import { seedClippings } from './seed/index.ts';
import { FORMAT_VERSION } from './storage/format.ts';
import { ShardedStore } from './storage/sharded-store.ts';

export class ArchiveService implements ApiHandlers {
  private constructor(
    private readonly store: ShardedStore,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, options: { now?: () => Date } = {}): Promise<ArchiveService> {
    const now = options.now ?? (() => new Date());
    const store = await ShardedStore.open(dir, {
      now: () => now().toISOString(),
      initialClippings: () => {
        const at = now();
        return seedClippings().map((input) =>
          createClipping(newClippingId(at.getTime()), ClippingInputSchema.parse(input), at.toISOString()),
        );
      },
    });
    return new ArchiveService(store, now);
  }

  get archiveDir(): string {
    return this.store.dir;
  }

  async info(): Promise<ArchiveInfo> {
    await this.store.refresh();
    const all = this.store.all();
    const trashed = all.filter((c) => c.deletedAt !== undefined).length;
    return {
      archiveDir: this.store.dir,
      formatVersion: FORMAT_VERSION,
      generation: this.store.generation,
      clippings: all.length - trashed,
      trashed,
    };
  }

  /** Clippings without their text, newest first; the trash when asked. */
  async list(input: { trash?: boolean } = {}): Promise<ClippingSummary[]> {
    await this.store.refresh();
    return this.store
      .all()
      .filter((c) => (c.deletedAt !== undefined) === (input.trash ?? false))
      .sort(newestFirst)
      .map(summarize);
  }

  async get(input: { id: string }): Promise<Clipping> {
    await this.store.refresh();
    const clipping = this.store.get(input.id);
    if (!clipping) throw new ArchiveError({ code: 'notFound', params: { id: input.id } });
    return clipping;
  }

  /** Validates (again: the CLI calls this without a transport) and stores a new clipping. */
  async add(input: ClippingInput): Promise<Clipping> {
    const parsed = ClippingInputSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const [clipping] = await this.store.insert((idTaken) => [this.newClipping(parsed.data, idTaken)]);
    return clipping!;
  }

  async update(input: { id: string } & Record<string, unknown>): Promise<Clipping> {
    const { id, ...changes } = input;
    const parsed = ClippingPatchSchema.safeParse(changes);
    if (!parsed.success) throw validationError(parsed.error);
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
   * text) is added, the rest are reported. A file that cannot be read at all stops the import
   * before anything is written.
   */
  async importFiles(input: { files: ImportFile[] }): Promise<ImportReport> {
    const candidates: CandidateRecord[] = [];
    const errors: ImportProblem[] = [];
    for (const file of input.files) {
      const parsed = parseImportFile(file);
      candidates.push(...parsed.records);
      errors.push(...parsed.problems);
    }
    const valid: ValidClippingInput[] = [];
    for (const candidate of candidates) {
      const result = ClippingInputSchema.safeParse(candidate.value);
      if (result.success) valid.push(result.data);
      else errors.push(problemAt(candidate, validationError(result.error)));
    }
    // Report problems in reading order: file by file, line by line.
    const fileOrder = new Map(input.files.map((f, i) => [f.name, i]));
    errors.sort(
      (a, b) =>
        (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
        (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0),
    );
    let skipped = 0;
    const added = await this.store.insert((idTaken) => {
      const seen = new DuplicateFilter(this.store.all());
      const fresh: Clipping[] = [];
      for (const record of valid) {
        if (seen.isDuplicate(record)) {
          skipped += 1;
          continue;
        }
        seen.remember(record);
        fresh.push(this.newClipping(record, (id) => idTaken(id) || fresh.some((c) => c.id === id)));
      }
      return fresh;
    });
    return { added: added.length, skipped, addedIds: added.map((c) => c.id), errors };
  }

  /** The searchable text of every clipping not in the trash, for the search index. */
  async searchCorpus(): Promise<SearchDoc[]> {
    await this.store.refresh();
    return this.store
      .all()
      .filter((c) => c.deletedAt === undefined)
      .map(({ id, title, body, publication, author, place, tags, date, addedAt }) => ({
        id,
        title,
        body,
        publication,
        author,
        place,
        tags,
        date,
        addedAt,
      }));
  }

  private newClipping(input: ValidClippingInput, idTaken: (id: string) => boolean): Clipping {
    const at = this.now();
    let id = newClippingId(at.getTime());
    while (idTaken(id)) id = newClippingId(at.getTime());
    return createClipping(id, input, at.toISOString());
  }
}

function newestFirst(a: Clipping, b: Clipping): number {
  return a.addedAt === b.addedAt ? (a.id < b.id ? 1 : -1) : a.addedAt < b.addedAt ? 1 : -1;
}

function problemAt(candidate: CandidateRecord, error: unknown): ImportProblem {
  return {
    file: candidate.file,
    ...(candidate.line !== undefined ? { line: candidate.line } : {}),
    ...(candidate.record !== undefined ? { record: candidate.record } : {}),
    error: toErrorInfo(error),
  };
}

/** Same web address or same text (ignoring spacing) counts as already archived. */
class DuplicateFilter {
  private readonly urls = new Set<string>();
  private readonly texts = new Set<string>();

  constructor(existing: readonly Clipping[]) {
    for (const clipping of existing) this.remember(clipping);
  }

  isDuplicate(record: { url?: string | undefined; body: string }): boolean {
    return (record.url !== undefined && this.urls.has(record.url)) || this.texts.has(textKey(record.body));
  }

  remember(record: { url?: string | undefined; body: string }): void {
    if (record.url !== undefined) this.urls.add(record.url);
    this.texts.add(textKey(record.body));
  }
}

function textKey(body: string): string {
  return body.normalize('NFC').replace(/\s+/g, ' ').trim();
}
