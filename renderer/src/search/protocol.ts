// Messages between the UI and the search worker.
import type { SearchDoc } from '../../../archive/api.ts';
import type { SearchFailure, SearchOutcome } from '../../../archive/search/engine.ts';
import type { SortOrder } from '../../../archive/search/query.ts';

export interface SearchRequest {
  seq: number;
  query: string;
  sort: SortOrder | undefined;
  typing: boolean;
  offset: number;
  limit: number;
}

/** Every match of a query, in the order its pages list them (for exporting the results). */
export type RankedIdsRequest = Omit<SearchRequest, 'seq' | 'offset' | 'limit'>;

export type RankedIdsOutcome = { ok: true; ids: string[] } | SearchFailure;

/** How the worker got its index ready. */
export type ReadyHow = 'loaded' | 'caught-up' | 'built';

export type WorkerRequest =
  /**
   * Bring the index up to date with the archive: `versions` lists every clipping not in the trash
   * with its updatedAt. The worker answers `need` (clippings to send), then `ready`.
   */
  | { type: 'sync'; token: number; archiveKey: string; versions: [string, string][] }
  /** Clippings asked for by `need`; the last batch says so. */
  | { type: 'docs'; token: number; docs: SearchDoc[]; last: boolean }
  | { type: 'put'; doc: SearchDoc }
  | { type: 'remove'; id: string }
  | ({ type: 'search' } & SearchRequest)
  | ({ type: 'rankedIds'; seq: number } & RankedIdsRequest);

export type WorkerResponse =
  | { type: 'need'; token: number; ids: string[] }
  | { type: 'ready'; token: number; size: number; how: ReadyHow }
  /** After each batch of docs: how many of the clippings `need` asked for are indexed. */
  | { type: 'indexed'; token: number; done: number; total: number }
  | { type: 'results'; seq: number; outcome: SearchOutcome }
  | { type: 'rankedIds'; seq: number; outcome: RankedIdsOutcome }
  | { type: 'failed'; seq?: number; token?: number; message: string };
