// The search worker: owns the SearchEngine so typing never waits for the index. It holds the index
// (FlexSearch's postings, word lists, titles, dates and the other short fields) but no clipping text: snippets come from
// the archive for the rows on screen. The index is saved in IndexedDB and, on the next start,
// loaded and caught up with what changed (archive/search/sync.ts) instead of rebuilt.
import { SearchEngine } from '../../../archive/search/engine.ts';
import { indexFromBytes, indexToBytes } from '../../../archive/search/serialize.ts';
import { indexChanges, worthRebuilding } from '../../../archive/search/sync.ts';
import { loadIndexBytes, saveIndexBytes } from './index-store.ts';
import type { ReadyHow, WorkerRequest, WorkerResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const SAVE_DELAY_MS = 2000;

let engine: SearchEngine | undefined;
let archiveKey: string | undefined;
/** A sync waiting for clippings: into a new engine (rebuild) or the current one. */
let pending:
  { token: number; target: SearchEngine; rebuild: boolean; how: ReadyHow; indexed: number; needed: number } | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleSave(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    if (engine && archiveKey) void saveIndexBytes(archiveKey, indexToBytes(engine.index, 'worker'));
  }, SAVE_DELAY_MS);
}

async function sync(request: Extract<WorkerRequest, { type: 'sync' }>): Promise<WorkerResponse> {
  if (!engine || archiveKey !== request.archiveKey) {
    archiveKey = request.archiveKey;
    const bytes = await loadIndexBytes(request.archiveKey);
    const saved = bytes ? indexFromBytes(bytes) : undefined;
    engine = saved ? new SearchEngine({ stemOrder: saved.index.vocabulary.stemOrder }, saved.index) : undefined;
  }
  const changes = engine
    ? indexChanges(engine, request.versions)
    : { stale: request.versions.map(([id]) => id), gone: [] };
  if (!engine || worthRebuilding(changes, engine.size)) {
    const target = new SearchEngine();
    target.index.beginBulk(); // searched only once all clippings are in (docs() freezes it)
    const needed = request.versions.length;
    pending = { token: request.token, target, rebuild: true, how: 'built', indexed: 0, needed };
    return { type: 'need', token: request.token, ids: request.versions.map(([id]) => id) };
  }
  for (const id of changes.gone) engine.remove(id);
  if (changes.gone.length > 0) scheduleSave();
  if (changes.stale.length === 0) {
    pending = undefined;
    return {
      type: 'ready',
      token: request.token,
      size: engine.size,
      how: changes.gone.length > 0 ? 'caught-up' : 'loaded',
    };
  }
  pending = {
    token: request.token,
    target: engine,
    rebuild: false,
    how: 'caught-up',
    indexed: 0,
    needed: changes.stale.length,
  };
  return { type: 'need', token: request.token, ids: changes.stale };
}

function docs(request: Extract<WorkerRequest, { type: 'docs' }>): WorkerResponse | undefined {
  if (!pending || pending.token !== request.token) return undefined; // a newer sync replaced it
  const { target } = pending;
  for (const doc of request.docs) target.index.put(doc);
  pending.indexed += request.docs.length;
  if (!request.last) return { type: 'indexed', token: request.token, done: pending.indexed, total: pending.needed };
  if (pending.rebuild) target.index.freeze();
  engine = target;
  const ready: WorkerResponse = { type: 'ready', token: request.token, size: engine.size, how: pending.how };
  pending = undefined;
  scheduleSave();
  return ready;
}

async function handle(request: WorkerRequest): Promise<WorkerResponse | undefined> {
  switch (request.type) {
    case 'sync':
      return sync(request);
    case 'docs':
      return docs(request);
    case 'put':
      // An edit made here while a sync runs goes to both: the sync's copy may be older.
      engine?.put(request.doc);
      if (pending?.rebuild) pending.target.put(request.doc);
      scheduleSave();
      return undefined;
    case 'remove':
      engine?.remove(request.id);
      if (pending?.rebuild) pending.target.remove(request.id);
      scheduleSave();
      return undefined;
    case 'search': {
      const outcome = (engine ?? new SearchEngine()).search(request.query, {
        offset: request.offset,
        limit: request.limit,
        sort: request.sort,
        typing: request.typing,
      });
      return { type: 'results', seq: request.seq, outcome };
    }
    case 'rankedIds': {
      const outcome = (engine ?? new SearchEngine()).rankedIds(request.query, {
        sort: request.sort,
        typing: request.typing,
      });
      return { type: 'rankedIds', seq: request.seq, outcome };
    }
  }
}

// One message at a time, in order (a sync may wait for IndexedDB).
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      const answer = await handle(request);
      if (answer) scope.postMessage(answer);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      scope.postMessage({
        type: 'failed',
        ...(request.type === 'search' || request.type === 'rankedIds' ? { seq: request.seq } : {}),
        ...(request.type === 'sync' || request.type === 'docs' ? { token: request.token } : {}),
        message,
      });
    }
  });
};
