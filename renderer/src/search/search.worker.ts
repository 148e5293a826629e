// The search worker: owns the archive's list and the SearchEngine, so neither typing nor an archive
// of any size makes the page wait. It loads both itself: the page only passes on the archive's
// answers as bytes (archive-calls.ts), so the list and the clippings' text are parsed here. It holds
// the index (FlexSearch's postings, word lists, titles, dates and the other short fields) and the
// list without text: snippets come from the archive for the rows on screen. The index is saved in
// IndexedDB and, on the next start, loaded and caught up with what changed (archive/search/sync.ts)
// instead of rebuilt.
import type { SearchDoc } from '../../../archive/api.ts';
import type { ClippingSummary } from '../../../archive/clipping.ts';
import { SearchEngine, type SearchOutcome } from '../../../archive/search/engine.ts';
import { indexFromBytes, indexToBytes } from '../../../archive/search/serialize.ts';
import { indexChanges, rebuildIsCertain, worthRebuilding } from '../../../archive/search/sync.ts';
import { warmUpSearches } from '../../../archive/search/warm-up.ts';
import { ArchiveCallError, ArchiveCalls } from './archive-calls.ts';
import { AheadBuild } from './ahead-build.ts';
import { corpusBatches } from './corpus-batches.ts';
import { loadIndexBytes, saveIndexBytes } from './index-store.ts';
import { ListStore } from './list-store.ts';
import type { ListedOutcome, ReadyHow, RowDetails, WorkerRequest, WorkerResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const post = (message: WorkerResponse) => scope.postMessage(message);
const SAVE_DELAY_MS = 2000;
/** Clippings per searchCorpus call when catching up (the archive's limit per call). */
const BATCH = 5000;
/** Building anew, an archive of at most this many clippings comes in one call (else in batches). */
const ONE_CALL_MAX = 20_000;
/**
 * Clippings indexed per task while building anew (about 40 ms here): searches, rows and the
 * archive's answers coming in are taken in between.
 */
const STEP = 1000;

const calls = new ArchiveCalls(post);
let list = new ListStore();
let engine: SearchEngine | undefined;
let archiveKey: string | undefined;
/** The latest load: an older one still under way stops at its next step. */
let loading = 0;
/** A load waiting for clippings: into a new engine (rebuild) or the current one. */
let pending:
  | {
      token: number;
      target: SearchEngine;
      rebuild: boolean;
      how: ReadyHow;
      indexed: number;
      needed: number;
      /** Catching up: the clippings fetched so far, put in together once all are here. */
      fetched: SearchDoc[];
    }
  | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** An index being built while an import is written (ahead-build.ts), for the load after it. */
let ahead: AheadBuild | undefined;

function scheduleSave(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    if (engine && archiveKey) void saveIndexBytes(archiveKey, indexToBytes(engine.index, 'worker'));
  }, SAVE_DELAY_MS);
}

// One task at a time, in order (a load may wait for IndexedDB); answers to the worker's own calls
// come outside this queue.
let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void> | void): Promise<void> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

/** The ids whose clippings the index needs, or none (then `ready` has been said). */
async function catchUp(
  token: number,
  key: string,
  versions: [string, string][],
  builtJustNow = false,
): Promise<string[]> {
  if (!engine || archiveKey !== key) {
    archiveKey = key;
    const bytes = await loadIndexBytes(key);
    const saved = bytes ? indexFromBytes(bytes) : undefined;
    engine = saved ? new SearchEngine({ stemOrder: saved.index.vocabulary.stemOrder }, saved.index) : undefined;
  }
  const changes = engine ? indexChanges(engine, versions) : { stale: versions.map(([id]) => id), gone: [] };
  if (!engine || worthRebuilding(changes, engine.size)) {
    const target = new SearchEngine();
    target.index.beginBulk(); // searched only once all clippings are in (indexed() freezes it)
    pending = { token, target, rebuild: true, how: 'built', indexed: 0, needed: versions.length, fetched: [] };
    return versions.map(([id]) => id);
  }
  for (const id of changes.gone) engine.remove(id);
  if (builtJustNow || changes.gone.length > 0) scheduleSave();
  if (changes.stale.length === 0) {
    pending = undefined;
    const how = builtJustNow ? 'built' : changes.gone.length > 0 ? 'caught-up' : 'loaded';
    post({ type: 'ready', token, size: engine.size, how });
    warmUp();
    return [];
  }
  pending = {
    token,
    target: engine,
    rebuild: false,
    how: builtJustNow ? 'built' : 'caught-up',
    indexed: 0,
    needed: changes.stale.length,
    fetched: [],
  };
  return changes.stale;
}

/**
 * Indexes what a load fetched. Building anew: into a new engine in bulk, a step at a time (the old
 * engine answers searches in between). Catching up: into the current engine in one bulk pass
 * (putAll: one import into FlexSearch, not one add per clipping), once every clipping is here.
 */
function indexed(token: number, docs: SearchDoc[], last: boolean): void {
  if (!pending || pending.token !== token) return; // a newer load replaced it
  const { target } = pending;
  if (pending.rebuild) {
    for (const doc of docs) target.index.put(doc);
  } else {
    pending.fetched.push(...docs);
    if (last) target.putAll(pending.fetched);
  }
  pending.indexed += docs.length;
  if (!last) {
    post({ type: 'indexed', token, done: pending.indexed, total: pending.needed });
    return;
  }
  if (pending.rebuild) target.index.freeze();
  engine = target;
  post({ type: 'ready', token, size: engine.size, how: pending.how });
  warmUp();
  pending = undefined;
  scheduleSave();
}

/**
 * Whether to build anew from every clipping's text asked for before the list: after a large import
 * into the open app, the index is then built while the archive makes the list, not after it. Only
 * when the archive's count alone shows the index will be built anew, and the text comes in one call.
 */
function buildsBeforeListing(info: { archiveDir: string; clippings: number }): boolean {
  if (!engine || archiveKey !== info.archiveDir || info.clippings > ONE_CALL_MAX) return false;
  return rebuildIsCertain(engine.size, info.clippings);
}

/**
 * Indexes `docs` into a new engine, a step at a time (the current engine answers searches in
 * between, and an edit made meanwhile goes to both); the new engine, frozen, or undefined if a
 * newer load came first.
 */
async function buildAnew(token: number, docs: SearchDoc[]): Promise<SearchEngine | undefined> {
  const target = new SearchEngine();
  target.index.beginBulk();
  pending = { token, target, rebuild: true, how: 'built', indexed: 0, needed: docs.length, fetched: [] };
  for (let start = 0; start < docs.length; start += STEP) {
    await enqueue(() => indexed(token, docs.slice(start, start + STEP), false));
    await nextTask(); // a search asked meanwhile is queued before the next step
    if (token !== loading) return undefined;
  }
  return target;
}

/**
 * An import has begun: if the load after it would build the index anew in one call, the index is
 * built now, on this thread, from the clippings the archive hands out while it writes them.
 */
function importing(task: string): void {
  if (!engine || archiveKey === undefined) return;
  ahead?.drop();
  const build = new AheadBuild(
    archiveKey,
    engine,
    {
      added: (fewest, most) => calls.call('importingCorpus', { task, fewest, most }),
      all: () => fetchCorpus(undefined),
      step: async (work) => {
        await enqueue(work);
        await nextTask(); // a search asked meanwhile is queued before the next step
      },
    },
    { step: STEP, max: ONE_CALL_MAX },
  );
  ahead = build;
  void build.built.then((built) => {
    if (!built && ahead === build) ahead = undefined; // the next load builds as usual
  });
}

/** The index built during the import just written, if it was for this archive and came that far. */
function takeAhead(key: string): AheadBuild | undefined {
  if (!ahead?.clippingsCame || ahead.archiveKey !== key) return undefined;
  return ahead;
}

/** The list first (said at once), then the index brought up to date with it. */
async function load(token: number): Promise<void> {
  loading = token;
  let ids: string[] = [];
  let rebuild = false;
  try {
    // info first: if someone writes meanwhile, the generation kept is the older one and the page's
    // next check loads again, never the other way round.
    const info = await calls.call('info', {});
    const { generation, archiveDir } = info;
    const takeList = (summaries: ClippingSummary[]) =>
      enqueue(() => {
        if (token !== loading) return;
        list = new ListStore(summaries);
        post({ type: 'listed', token, total: list.size, generation, archiveDir });
      });
    /** The list asked for and taken in while `build` makes an index; that index. */
    const listedBeside = async (build: () => Promise<SearchEngine | undefined>) => {
      const listing = calls.call('list', {}).then(takeList);
      listing.catch(() => {}); // awaited once the index is made, unless a newer load comes first
      const made = await build();
      await listing;
      return made;
    };
    let built: SearchEngine | undefined;
    const prebuilt = takeAhead(archiveDir);
    if (prebuilt) {
      built = await listedBeside(() => prebuilt.built); // undefined: caught up or built below as usual
      if (token !== loading) return;
    } else if (buildsBeforeListing(info)) {
      const docs = await fetchCorpus(undefined);
      if (token !== loading) return;
      built = await listedBeside(() => buildAnew(token, docs));
      if (!built || token !== loading) return;
    } else {
      const summaries = await calls.call('list', {});
      if (token !== loading) return;
      await takeList(summaries);
    }
    await enqueue(async () => {
      if (token !== loading) return;
      if (ahead === prebuilt) ahead = undefined; // taken, or not worth waiting for again
      if (built) {
        // What changed between the text and the list (someone writing meanwhile) is caught up below.
        built.index.freeze(); // a no-op when it was frozen already
        engine = built;
        archiveKey = archiveDir;
        pending = undefined;
      }
      ids = await catchUp(token, archiveDir, list.versions(), built !== undefined);
      rebuild = pending?.token === token && pending.rebuild;
    });
  } catch (error) {
    if (token === loading) {
      const info = error instanceof ArchiveCallError ? error.info : internal(error);
      post({ type: 'loadFailed', token, error: info });
    }
    return;
  }
  if (ids.length === 0) return;
  // In id order, which is the order of creation and of the archive's shards: each batch is then read
  // from a few shards, not from all of them.
  ids.sort();
  try {
    if (rebuild) {
      // Building anew, indexed a step at a time so that searches are answered in between.
      const oneCall = ids.length <= ONE_CALL_MAX;
      for await (const { docs, last } of corpusBatches(ids, fetchCorpus, { oneCallMax: ONE_CALL_MAX, batch: BATCH })) {
        if (token !== loading) return;
        if (oneCall && pending?.token === token) pending.needed = docs.length;
        for (let start = 0; start < docs.length || last; start += STEP) {
          const lastStep = last && start + STEP >= docs.length;
          await enqueue(() => indexed(token, docs.slice(start, start + STEP), lastStep));
          if (lastStep || token !== loading) break;
          await nextTask(); // a search asked meanwhile is queued before the next step
        }
      }
      return;
    }
    // Catching up: each batch is fetched while the one before is taken in.
    let done: Promise<void> = Promise.resolve();
    for (let start = 0; start < ids.length; start += BATCH) {
      if (token !== loading) return;
      const docs = await calls.call('searchCorpus', { ids: ids.slice(start, start + BATCH) });
      done = enqueue(() => indexed(token, docs, start + BATCH >= ids.length));
    }
    await done;
  } catch (error) {
    if (token === loading) post({ type: 'failed', token, message: messageOf(error) });
  }
}

function fetchCorpus(ids: string[] | undefined): Promise<SearchDoc[]> {
  return calls.call('searchCorpus', ids ? { ids } : {});
}

/**
 * Resolves after the messages already waiting for this thread have been handled. A message to
 * itself, not setTimeout: nested timers wait at least 4 ms each, 60 ms over a build of 15,000.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    resumes.push(resolve);
    turns.port2.postMessage(null);
  });
}
const resumes: (() => void)[] = [];
const turns = new MessageChannel();
turns.port1.onmessage = () => resumes.shift()?.();

function details(id: string): RowDetails {
  const summary = list.get(id);
  if (!summary) return {};
  const { publication, date, language, scanPages } = summary;
  return { publication, date, language, scanPages };
}

/**
 * Once the index is ready, runs searches made of the archive's own words (warm-up.ts) and drops the
 * answers, so that the first queries a person types do not pay for compiling the search code and
 * building its tables: at 100,000 clippings the first few answers had taken 80–100 ms, later ones
 * 25–45. One search per task: a search asked meanwhile is answered before the next one.
 */
function warmUp(): void {
  const warmed = engine;
  if (!warmed) return;
  const searches = warmUpSearches(warmed.index);
  const step = (i: number): void => {
    if (i >= searches.length || engine !== warmed) return;
    const { query, options } = searches[i]!;
    void enqueue(() => {
      if (engine === warmed) withDetails(warmed.search(query, options));
    })
      .then(nextTask)
      .then(
        () => step(i + 1),
        () => {}, // a warm-up that fails only leaves the code cold; real searches say their own errors
      );
  };
  step(0);
}

function withDetails(outcome: SearchOutcome): ListedOutcome {
  return outcome.ok ? { ...outcome, hits: outcome.hits.map((hit) => ({ ...hit, ...details(hit.id) })) } : outcome;
}

function answer(request: Exclude<WorkerRequest, { type: 'load' | 'answer' | 'access' }>): WorkerResponse | undefined {
  switch (request.type) {
    case 'put':
      // An edit made here while a load runs goes to both: the load's copy may be older.
      engine?.put(request.doc);
      if (pending?.rebuild) pending.target.put(request.doc);
      ahead?.put(request.doc);
      list.put(request.summary);
      scheduleSave();
      return undefined;
    case 'search': {
      const outcome = (engine ?? new SearchEngine()).search(request.query, {
        offset: request.offset,
        limit: request.limit,
        sort: request.sort,
        typing: request.typing,
      });
      return { type: 'results', seq: request.seq, outcome: withDetails(outcome) };
    }
    case 'rankedIds': {
      const outcome = (engine ?? new SearchEngine()).rankedIds(request.query, {
        sort: request.sort,
        typing: request.typing,
      });
      return { type: 'rankedIds', seq: request.seq, outcome };
    }
    case 'listPage':
      return {
        type: 'listPage',
        seq: request.seq,
        total: list.size,
        rows: list.page(request.sort, request.offset, request.limit),
      };
    case 'listIndex':
      return { type: 'listIndex', seq: request.seq, index: list.indexOf(request.sort, request.id) };
    case 'lookup':
      return { type: 'lookup', seq: request.seq, found: request.ids.map((id) => list.get(id)) };
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'answer') return calls.answered(request.call, request.bytes);
  if (request.type === 'access') return void (calls.token = request.token);
  if (request.type === 'load') return void load(request.token);
  if (request.type === 'importing') return importing(request.task);
  void enqueue(() => {
    try {
      const response = answer(request);
      if (response) post(response);
    } catch (error) {
      post({ type: 'failed', ...('seq' in request ? { seq: request.seq } : {}), message: messageOf(error) });
    }
  });
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function internal(error: unknown) {
  return { code: 'internal' as const, params: { detail: messageOf(error) } };
}
