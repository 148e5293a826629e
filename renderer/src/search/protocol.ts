// Messages between the UI and the search worker.
import type { SearchDoc } from '../../../archive/api.ts';
import type { SearchHit } from '../../../archive/search/engine.ts';
import type { Segment } from '../../../archive/search/highlight.ts';

export type WorkerRequest =
  | { type: 'load'; docs: SearchDoc[] }
  | { type: 'put'; doc: SearchDoc }
  | { type: 'remove'; id: string }
  | { type: 'search'; seq: number; query: string; limit: number }
  | { type: 'previews'; ids: string[]; tag: number };

export interface SearchAnswer {
  seq: number;
  query: string;
  terms: string[];
  total: number;
  hits: SearchHit[];
}

export interface Preview {
  id: string;
  snippet: Segment[];
}

export type WorkerResponse =
  | { type: 'loaded'; size: number }
  | ({ type: 'results' } & SearchAnswer)
  | { type: 'previews'; tag: number; previews: Preview[] }
  | { type: 'failed'; seq?: number; message: string };
