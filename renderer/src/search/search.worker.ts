// The search worker: owns the SearchEngine (FlexSearch + our Hindi analysis) so typing never waits
// for the index. The UI sends the corpus once, then single updates, queries and preview requests.
import type { SearchDoc } from '../../../archive/api.ts';
import { SearchEngine } from '../../../archive/search/engine.ts';
import { snippet } from '../../../archive/search/highlight.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
let engine = new SearchEngine();

function load(docs: SearchDoc[]): void {
  engine = new SearchEngine();
  for (const doc of docs) engine.put(doc);
}

function handle(request: WorkerRequest): WorkerResponse | undefined {
  switch (request.type) {
    case 'load':
      load(request.docs);
      return { type: 'loaded', size: engine.size };
    case 'put':
      engine.put(request.doc);
      return undefined;
    case 'remove':
      engine.remove(request.id);
      return undefined;
    case 'search': {
      const result = engine.search(request.query, request.limit);
      return {
        type: 'results',
        seq: request.seq,
        query: request.query,
        terms: result.terms,
        total: result.total,
        hits: result.hits,
      };
    }
    case 'previews':
      return {
        type: 'previews',
        tag: request.tag,
        previews: request.ids.flatMap((id) => {
          const doc = engine.doc(id);
          return doc === undefined ? [] : [{ id, snippet: snippet(doc.body, []) }];
        }),
      };
  }
}

scope.onmessage = (event) => {
  try {
    const answer = handle(event.data);
    if (answer) scope.postMessage(answer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ type: 'failed', ...(event.data.type === 'search' ? { seq: event.data.seq } : {}), message });
  }
};
