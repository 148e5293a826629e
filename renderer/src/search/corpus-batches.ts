// The clippings' text for building the index anew, in as few calls as the archive allows: all in one
// call when the archive is small, else in batches of ids (the archive's limit per call), each batch
// asked for while the one before is being indexed, so that no answer is hundreds of MB and the worker
// never waits for the archive between batches.
import type { SearchDoc } from '../../../archive/api.ts';

export interface CorpusBatch {
  docs: SearchDoc[];
  /** The last batch: once it is indexed, the index holds every clipping asked for. */
  last: boolean;
}

export interface CorpusBatchSizes {
  /** An archive of at most this many clippings comes in one call. */
  oneCallMax: number;
  /** Clippings per call otherwise. */
  batch: number;
}

/** Given the ids in the order to fetch them; `fetch(undefined)` asks for every clipping at once. */
export async function* corpusBatches(
  ids: readonly string[],
  fetch: (ids: string[] | undefined) => Promise<SearchDoc[]>,
  { oneCallMax, batch }: CorpusBatchSizes,
): AsyncGenerator<CorpusBatch> {
  const calls: (string[] | undefined)[] = [];
  if (ids.length <= oneCallMax) calls.push(undefined);
  else for (let start = 0; start < ids.length; start += batch) calls.push(ids.slice(start, start + batch));
  const ask = (call: string[] | undefined) => {
    const answer = fetch(call);
    answer.catch(() => {}); // awaited below, unless the caller stops first
    return answer;
  };
  let next = ask(calls[0]);
  for (let c = 0; c < calls.length; c++) {
    const docs = await next;
    const last = c === calls.length - 1;
    if (!last) next = ask(calls[c + 1]);
    yield { docs, last };
  }
}
