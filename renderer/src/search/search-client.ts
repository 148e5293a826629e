// The UI's side of the search worker. Every query carries a sequence number; only the answer to
// the latest one is delivered, so a slow answer to an old query never replaces a newer one.
import type { SearchDoc } from '../../../archive/api.ts';
import type { Preview, SearchAnswer, WorkerRequest, WorkerResponse } from './protocol.ts';

type Listener<T> = (value: T) => void;

export class SearchClient {
  private readonly worker: Worker;
  private seq = 0;
  private readonly resultListeners = new Set<Listener<SearchAnswer>>();
  private readonly previewListeners = new Set<Listener<{ tag: number; previews: Preview[] }>>();
  private readonly failureListeners = new Set<Listener<string>>();

  constructor() {
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => this.failureListeners.forEach((l) => l(event.message || 'search worker failed'));
  }

  /** Replaces the whole index. The caller should not keep `docs`: the worker has its own copy. */
  load(docs: SearchDoc[]): void {
    this.post({ type: 'load', docs });
  }

  put(doc: SearchDoc): void {
    this.post({ type: 'put', doc });
  }

  remove(id: string): void {
    this.post({ type: 'remove', id });
  }

  search(query: string, limit: number): void {
    this.seq += 1;
    this.post({ type: 'search', seq: this.seq, query, limit });
  }

  /** Asks for the opening lines of these clippings; the answer carries `tag` back. */
  previews(ids: string[], tag: number): void {
    if (ids.length > 0) this.post({ type: 'previews', ids, tag });
  }

  onResults(listener: Listener<SearchAnswer>): () => void {
    return subscribe(this.resultListeners, listener);
  }

  onPreviews(listener: Listener<{ tag: number; previews: Preview[] }>): () => void {
    return subscribe(this.previewListeners, listener);
  }

  onFailure(listener: Listener<string>): () => void {
    return subscribe(this.failureListeners, listener);
  }

  private post(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  private receive(response: WorkerResponse): void {
    switch (response.type) {
      case 'results': {
        if (response.seq !== this.seq) return; // stale: a newer query is on its way
        const { type: _type, ...answer } = response;
        this.resultListeners.forEach((l) => l(answer));
        return;
      }
      case 'previews':
        this.previewListeners.forEach((l) => l({ tag: response.tag, previews: response.previews }));
        return;
      case 'failed':
        if (response.seq === undefined || response.seq === this.seq) {
          this.failureListeners.forEach((l) => l(response.message));
        }
        return;
      case 'loaded':
        return;
    }
  }
}

function subscribe<T>(set: Set<Listener<T>>, listener: Listener<T>): () => void {
  set.add(listener);
  return () => set.delete(listener);
}

let shared: SearchClient | undefined;

/** The app's one search worker, started on first use. */
export function searchClient(): SearchClient {
  shared ??= new SearchClient();
  return shared;
}
