// The UI's side of the search worker. The worker loads the archive's list and its index itself:
// when it asks for a call, this passes the archive's answer on as bytes, transferred unread, so
// nothing that grows with the archive is parsed or copied on the page's own thread. `load` starts
// a load (the list, then the index caught up); `listPage` and `search` ask for the rows on screen,
// `rankedIds` for every match's id in order (what exporting the results needs). Answers to requests
// the UI has moved on from are dropped by the caller (each request resolves to its own answer).
import type { SearchDoc } from '../../../archive/api.ts';
import type { ClippingSummary } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import type { SortOrder } from '../../../archive/search/query.ts';
import { ApiError } from '../api/api-error.ts';
import { archiveBytes, workerAccess } from '../api/client.ts';
import type {
  ListedOutcome,
  RankedIdsOutcome,
  RankedIdsRequest,
  ReadyHow,
  SearchRequest,
  WorkerRequest,
  WorkerResponse,
} from './protocol.ts';

type Listener<T> = (value: T) => void;

/** Clippings indexed so far of those a load needs. */
export interface IndexProgress {
  done: number;
  total: number;
}

/** What a load found: the list's size, and as of which write. */
export interface Listed {
  total: number;
  generation: number;
  archiveDir: string;
}

export interface Load {
  /** The list is in the worker (rows can be asked for); rejects with an ApiError. */
  listed: Promise<Listed>;
  /** The index answers for every listed clipping; a newer load makes an older one resolve too. */
  ready: Promise<ReadyHow>;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export class SearchClient {
  private readonly worker: Worker;
  private seq = 0;
  private token = 0;
  private readonly waiting = new Map<number, Waiter<unknown>>();
  private readonly lists = new Map<number, Waiter<Listed>>();
  private readonly loads = new Map<number, Waiter<ReadyHow>>();
  private readonly failureListeners = new Set<Listener<string>>();
  private readonly progressListeners = new Set<Listener<IndexProgress>>();

  constructor() {
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => this.failureListeners.forEach((l) => l(event.message || 'search worker failed'));
    const access = workerAccess();
    if (access) this.post({ type: 'access', token: access.token });
  }

  /** Loads the archive's list into the worker, then brings its index up to date. */
  load(): Load {
    this.token += 1;
    const token = this.token;
    const listed = new Promise<Listed>((resolve, reject) => this.lists.set(token, { resolve, reject }));
    const ready = new Promise<ReadyHow>((resolve, reject) => this.loads.set(token, { resolve, reject }));
    ready.catch(() => {}); // said through listed, or by the caller that waits for it
    this.post({ type: 'load', token });
    return { listed, ready };
  }

  /** An import has begun (task: its id): the worker may build the next index while it is written. */
  importing(task: string): void {
    this.post({ type: 'importing', task });
  }

  /** A clipping added or saved here, into the list and the index without a load. */
  put(doc: SearchDoc, summary: ClippingSummary): void {
    this.post({ type: 'put', doc, summary });
  }

  search(request: Omit<SearchRequest, 'seq'>): Promise<ListedOutcome> {
    return this.ask((seq) => ({ type: 'search', seq, ...request }));
  }

  /** Every match of the query, ranked as search() pages them (ids only). */
  rankedIds(request: RankedIdsRequest): Promise<RankedIdsOutcome> {
    return this.ask((seq) => ({ type: 'rankedIds', seq, ...request }));
  }

  /** Rows of the whole list in this order, and how many there are. */
  listPage(
    sort: SortOrder | undefined,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: ClippingSummary[] }> {
    return this.ask((seq) => ({ type: 'listPage', seq, sort, offset, limit }));
  }

  /** Where a clipping is in the whole list in this order (-1: not there). */
  listIndex(sort: SortOrder | undefined, id: string): Promise<number> {
    return this.ask((seq) => ({ type: 'listIndex', seq, sort, id }));
  }

  /** These clippings as the list has them (undefined: no longer in it). */
  lookup(ids: string[]): Promise<(ClippingSummary | undefined)[]> {
    return this.ask((seq) => ({ type: 'lookup', seq, ids }));
  }

  /** How far the worker has got filling its index (clippings indexed of those it needs). */
  onProgress(listener: Listener<IndexProgress>): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  onFailure(listener: Listener<string>): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  private ask<T>(request: (seq: number) => WorkerRequest): Promise<T> {
    this.seq += 1;
    const seq = this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      this.post(request(seq));
    });
  }

  private post(request: WorkerRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  /** Passes the archive's answer to the worker's call on, as bytes: transferred, never read here. */
  private async relay(call: number, method: Parameters<typeof archiveBytes>[0], input: unknown): Promise<void> {
    const bytes = await archiveBytes(method, input);
    this.post({ type: 'answer', call, bytes }, [bytes.buffer]);
  }

  /** Settles the loads up to `token`: their index is the one now ready (or failed). */
  private settleLoads(token: number, how: ReadyHow | undefined, error?: Error): void {
    for (const [t, waiter] of this.loads) {
      if (t > token) continue;
      this.loads.delete(t);
      if (error) waiter.reject(error);
      else waiter.resolve(how!);
    }
  }

  private settleList(token: number, listed: Listed | undefined, error?: ErrorInfo): void {
    for (const [t, waiter] of this.lists) {
      if (t > token) continue;
      this.lists.delete(t);
      if (t < token) waiter.resolve({ ...(listed ?? { total: 0, generation: -1, archiveDir: '' }) });
      else if (error) waiter.reject(new ApiError(error));
      else waiter.resolve(listed!);
    }
  }

  private settle(seq: number, value: unknown, error?: Error): void {
    const waiter = this.waiting.get(seq);
    this.waiting.delete(seq);
    if (error) waiter?.reject(error);
    else waiter?.resolve(value);
  }

  private receive(response: WorkerResponse): void {
    switch (response.type) {
      case 'call':
        void this.relay(response.call, response.method, response.input);
        return;
      case 'listed': {
        const { total, generation, archiveDir } = response;
        this.settleList(response.token, { total, generation, archiveDir });
        return;
      }
      case 'loadFailed':
        this.settleList(response.token, undefined, response.error);
        this.settleLoads(response.token, undefined, new ApiError(response.error));
        return;
      case 'ready':
        this.settleLoads(response.token, response.how);
        return;
      case 'indexed':
        if (response.token === this.token) {
          this.progressListeners.forEach((l) => l({ done: response.done, total: response.total }));
        }
        return;
      case 'results':
        return this.settle(response.seq, response.outcome);
      case 'rankedIds':
        return this.settle(response.seq, response.outcome);
      case 'listPage':
        return this.settle(response.seq, { total: response.total, rows: response.rows });
      case 'listIndex':
        return this.settle(response.seq, response.index);
      case 'lookup':
        return this.settle(response.seq, response.found);
      case 'failed': {
        const error = new Error(response.message);
        if (response.seq !== undefined) this.settle(response.seq, undefined, error);
        else if (response.token !== undefined) this.settleLoads(response.token, undefined, error);
        this.failureListeners.forEach((l) => l(response.message));
        return;
      }
    }
  }
}

let shared: SearchClient | undefined;

/** The app's one search worker, started on first use. */
export function searchClient(): SearchClient {
  shared ??= new SearchClient();
  return shared;
}
