// Messages between the UI and the search worker. The worker owns the archive's list and the search
// index: it loads both itself (through `call`, answered by the page with the envelope's bytes,
// unread) and answers the page with the rows on screen.
import type { ApiInput, SearchDoc } from '../../../archive/api.ts';
import type { BytesMethod } from '../../../archive/api-methods.ts';
import type { ClippingSummary } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import type { SearchFailure, SearchAnswer, SearchHit } from '../../../archive/search/engine.ts';
import type { SortOrder } from '../../../archive/search/query.ts';

export type ApiCallInput<M extends BytesMethod> = ApiInput<M>;

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

/** What a row shows besides its title, from the list (the index keeps no language). */
export type RowDetails = Partial<Pick<ClippingSummary, 'publication' | 'date' | 'language' | 'scanPages'>>;

/** A hit with its row's details. */
export type ListedHit = SearchHit & RowDetails;

export type ListedOutcome = (Omit<SearchAnswer, 'hits'> & { hits: ListedHit[] }) | SearchFailure;

/** How the worker got its index ready. */
export type ReadyHow = 'loaded' | 'caught-up' | 'built';

export type WorkerRequest =
  /** Over HTTP: the worker fetches the archive's answers itself with this token (never via the page). */
  | { type: 'access'; token: string }
  /**
   * Load the archive's list and bring the index up to date with it. The worker answers `listed`
   * (or `loadFailed`), then `indexed` after each batch of clippings it had to index, then `ready`.
   */
  | { type: 'load'; token: number }
  /**
   * An import under way: the worker asks for the clippings it adds and, when the next load would
   * build the index anew, builds it while the archive writes them.
   */
  | { type: 'importing'; task: string }
  /** The page's answer to the worker's `call`: the envelope as UTF-8 JSON (transferred). */
  | { type: 'answer'; call: number; bytes: Uint8Array }
  /** A clipping added or saved in this window: into the list and the index at once. */
  | { type: 'put'; doc: SearchDoc; summary: ClippingSummary }
  | { type: 'remove'; id: string }
  | ({ type: 'search' } & SearchRequest)
  | ({ type: 'rankedIds'; seq: number } & RankedIdsRequest)
  /** Rows of the whole list (no query), in this order. */
  | { type: 'listPage'; seq: number; sort: SortOrder | undefined; offset: number; limit: number }
  /** Where a clipping is in the whole list, in this order. */
  | { type: 'listIndex'; seq: number; sort: SortOrder | undefined; id: string }
  /** These clippings as the list has them now (undefined: no longer listed). */
  | { type: 'lookup'; seq: number; ids: string[] };

export type WorkerResponse =
  /** The worker asks the page for one call's answer, as bytes. */
  | { type: 'call'; call: number; method: BytesMethod; input: ApiCallInput<BytesMethod> }
  | { type: 'listed'; token: number; total: number; generation: number; archiveDir: string }
  | { type: 'loadFailed'; token: number; error: ErrorInfo }
  | { type: 'ready'; token: number; size: number; how: ReadyHow }
  /** After each batch of clippings indexed: how many of those needed are in. */
  | { type: 'indexed'; token: number; done: number; total: number }
  | { type: 'results'; seq: number; outcome: ListedOutcome }
  | { type: 'rankedIds'; seq: number; outcome: RankedIdsOutcome }
  | { type: 'listPage'; seq: number; total: number; rows: ClippingSummary[] }
  | { type: 'listIndex'; seq: number; index: number }
  | { type: 'lookup'; seq: number; found: (ClippingSummary | undefined)[] }
  | { type: 'failed'; seq?: number; token?: number; message: string };
