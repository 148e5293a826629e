// An index built while an import is written. The archive hands out the clippings an import adds
// as soon as they are made (importingCorpus), while its own thread writes them; when the load after
// the import would build the index anew, the worker builds it now, on its own thread, from those
// clippings and the ones it had. That load takes it and, as after any build, catches up whatever the
// archive's list says differs: an import whose write failed leaves nothing wrong behind.
import type { SearchDoc } from '../../../archive/api.ts';
import { SearchEngine } from '../../../archive/search/engine.ts';
import { fewestForRebuild } from '../../../archive/search/sync.ts';

export interface AheadSources {
  /** The clippings the import adds, if between `fewest` and `most` (else empty; also when it is over). */
  added(fewest: number, most: number): Promise<SearchDoc[]>;
  /** Every clipping of the archive (the worker keeps no text). */
  all(): Promise<SearchDoc[]>;
  /** Runs one step of the build as a task of the worker's queue, searches answered in between. */
  step(work: () => void): Promise<void>;
}

export interface AheadLimits {
  /** Clippings indexed per step. */
  step: number;
  /** Built ahead only if the archive will hold at most this many (they come in one call). */
  max: number;
}

export class AheadBuild {
  private readonly target = new SearchEngine();
  /** Clippings edited here meanwhile: put already, so the text fetched before is skipped. */
  private readonly edited = new Set<string>();
  private dropped = false;
  /** Set once the import's clippings came: the import is past its last cancel. */
  clippingsCame = false;
  /** The new index, frozen, or undefined if it was not built. */
  readonly built: Promise<SearchEngine | undefined>;

  /** `base`: the index the worker has now, which the import adds to. */
  constructor(
    readonly archiveKey: string,
    base: SearchEngine,
    sources: AheadSources,
    limits: AheadLimits,
  ) {
    this.target.index.beginBulk();
    this.built = this.build(base.size, sources, limits).catch(() => undefined);
  }

  /** A clipping added or saved here meanwhile: newer than any text fetched before. */
  put(doc: SearchDoc): void {
    this.target.put(doc);
    this.edited.add(doc.id);
  }

  /** A newer import began: this build stops at its next step. */
  drop(): void {
    this.dropped = true;
  }

  private async build(baseSize: number, sources: AheadSources, limits: AheadLimits) {
    // Built ahead only when the load after the import would build anew, and in one call.
    const fewest = fewestForRebuild(baseSize);
    const most = limits.max - baseSize;
    if (most < fewest) return undefined;
    const added = await sources.added(fewest, most);
    if (added.length < fewest || added.length > most) return undefined;
    this.clippingsCame = true;
    // The archive may hold the new clippings already: each id is indexed once.
    const docs = new Map((baseSize > 0 ? await sources.all() : []).map((doc) => [doc.id, doc]));
    for (const doc of added) docs.set(doc.id, doc);
    const all = [...docs.values()];
    for (let start = 0; start < all.length; start += limits.step) {
      if (this.dropped) return undefined;
      await sources.step(() => {
        for (const doc of all.slice(start, start + limits.step)) {
          if (!this.edited.has(doc.id)) this.target.index.put(doc);
        }
      });
    }
    if (this.dropped) return undefined;
    await sources.step(() => this.target.index.freeze());
    return this.target;
  }
}
