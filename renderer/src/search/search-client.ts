// The UI's side of the search worker. `sync` brings the worker's index up to date with the archive
// (sending only the clippings it asks for, in batches, so no one holds the whole archive's text);
// `search` asks for one page of an answer, `rankedIds` for every match's id in that order (what
// exporting the results needs, however few pages the list has loaded). Answers to queries the UI
// has moved on from are dropped by the caller (each request resolves to its own answer).
import type { SearchDoc } from '../../../archive/api.ts';
import type { ClippingSummary } from '../../../archive/clipping.ts';
import type { SearchOutcome } from '../../../archive/search/engine.ts';
import { archiveClient } from '../api/client.ts';
import type {
  RankedIdsOutcome,
  RankedIdsRequest,
  ReadyHow,
  SearchRequest,
  WorkerRequest,
  WorkerResponse,
} from './protocol.ts';

/** Clippings per searchCorpus call while filling the index. */
const BATCH = 5000;

type Listener<T> = (value: T) => void;

/** Clippings indexed so far of those a sync needs. */
export interface IndexProgress {
  done: number;
  total: number;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export class SearchClient {
  private readonly worker: Worker;
  private seq = 0;
  private token = 0;
  private readonly answers = new Map<number, Waiter<SearchOutcome>>();
  private readonly rankings = new Map<number, Waiter<RankedIdsOutcome>>();
  private readonly syncs = new Map<number, { resolve(how: ReadyHow): void; reject(e: Error): void }>();
  private readonly failureListeners = new Set<Listener<string>>();
  private readonly progressListeners = new Set<Listener<IndexProgress>>();

  constructor() {
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => this.failureListeners.forEach((l) => l(event.message || 'search worker failed'));
  }

  /**
   * Brings the index up to date with these clippings (all not in the trash); resolves when the
   * worker can answer for all of them. A newer sync makes an older one resolve as superseded.
   */
  sync(archiveKey: string, summaries: readonly ClippingSummary[]): Promise<ReadyHow> {
    this.token += 1;
    const token = this.token;
    const versions = summaries.map((s): [string, string] => [s.id, s.updatedAt]);
    return new Promise((resolve, reject) => {
      this.syncs.set(token, { resolve, reject });
      this.post({ type: 'sync', token, archiveKey, versions });
    });
  }

  put(doc: SearchDoc): void {
    this.post({ type: 'put', doc });
  }

  remove(id: string): void {
    this.post({ type: 'remove', id });
  }

  search(request: Omit<SearchRequest, 'seq'>): Promise<SearchOutcome> {
    this.seq += 1;
    const seq = this.seq;
    return new Promise((resolve, reject) => {
      this.answers.set(seq, { resolve, reject });
      this.post({ type: 'search', seq, ...request });
    });
  }

  /** Every match of the query, ranked as search() pages them (ids only). */
  rankedIds(request: RankedIdsRequest): Promise<RankedIdsOutcome> {
    this.seq += 1;
    const seq = this.seq;
    return new Promise((resolve, reject) => {
      this.rankings.set(seq, { resolve, reject });
      this.post({ type: 'rankedIds', seq, ...request });
    });
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

  private post(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  /** Sends the clippings the worker asked for, a batch at a time. */
  private async feed(token: number, ids: string[]): Promise<void> {
    try {
      if (ids.length === 0) this.post({ type: 'docs', token, docs: [], last: true });
      for (let start = 0; start < ids.length; start += BATCH) {
        if (token !== this.token) return; // superseded
        const docs = await archiveClient.searchCorpus(ids.slice(start, start + BATCH));
        this.post({ type: 'docs', token, docs, last: start + BATCH >= ids.length });
      }
    } catch (error) {
      this.settleSync(token, undefined, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private settleSync(token: number, how: ReadyHow | undefined, error?: Error): void {
    // Earlier syncs are settled too: their index is the one now ready (or failed).
    for (const [t, waiter] of this.syncs) {
      if (t > token) continue;
      this.syncs.delete(t);
      if (error) waiter.reject(error);
      else waiter.resolve(how!);
    }
  }

  private receive(response: WorkerResponse): void {
    switch (response.type) {
      case 'need':
        void this.feed(response.token, response.ids);
        return;
      case 'ready':
        this.settleSync(response.token, response.how);
        return;
      case 'indexed':
        if (response.token === this.token) {
          this.progressListeners.forEach((l) => l({ done: response.done, total: response.total }));
        }
        return;
      case 'results': {
        const waiter = this.answers.get(response.seq);
        this.answers.delete(response.seq);
        waiter?.resolve(response.outcome);
        return;
      }
      case 'rankedIds': {
        const waiter = this.rankings.get(response.seq);
        this.rankings.delete(response.seq);
        waiter?.resolve(response.outcome);
        return;
      }
      case 'failed': {
        const error = new Error(response.message);
        if (response.seq !== undefined) {
          this.answers.get(response.seq)?.reject(error);
          this.answers.delete(response.seq);
          this.rankings.get(response.seq)?.reject(error);
          this.rankings.delete(response.seq);
        } else if (response.token !== undefined) this.settleSync(response.token, undefined, error);
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
