// The search worker's fetch plan for building the index anew, against a real archive folder: one call
// for a small archive, batches of ids for a large one (here "large" is made small), every clipping
// exactly once, in the order given, the next batch asked for before the one before is taken in.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../../../archive/api.ts';
import { ArchiveService } from '../../../../../archive/service.ts';
import { corpusBatches, type CorpusBatch } from '../../../../../renderer/src/search/corpus-batches.ts';
import { tempDir } from '../../../../support/temp.ts';

let service: ArchiveService;
let cleanup: () => Promise<void>;
let ids: string[];

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  service = await ArchiveService.open(join(temp.dir, 'archive'));
  for (let i = 0; i < 22; i++) await service.add({ title: `कतरन ${i}`, body: `समाचार संख्या ${i}` });
  ids = (await service.list()).map((c) => c.id).sort();
  expect(ids).toHaveLength(23); // with the seed clipping
});
afterAll(async () => {
  await service.close();
  await cleanup();
});

/** Fetches through the service, noting each call's ids and how many calls were open at once. */
function recordingFetch() {
  const calls: (string[] | undefined)[] = [];
  let open = 0;
  let mostOpen = 0;
  const fetch = async (batch: string[] | undefined): Promise<SearchDoc[]> => {
    calls.push(batch);
    mostOpen = Math.max(mostOpen, ++open);
    try {
      return await service.searchCorpus(batch ? { ids: batch } : {});
    } finally {
      open--;
    }
  };
  return { fetch, calls, mostOpen: () => mostOpen };
}

async function collect(source: AsyncGenerator<CorpusBatch>, onBatch: () => void = () => {}) {
  const batches: CorpusBatch[] = [];
  for await (const batch of source) {
    batches.push(batch);
    onBatch();
  }
  return batches;
}

describe('corpusBatches', () => {
  it('asks for a small archive in one call', async () => {
    const { fetch, calls } = recordingFetch();
    const batches = await collect(corpusBatches(ids, fetch, { oneCallMax: 23, batch: 5 }));
    expect(calls).toEqual([undefined]);
    expect(batches.map((b) => b.last)).toEqual([true]);
    expect(batches[0]!.docs.map((d) => d.id).sort()).toEqual(ids);
  });

  it('asks for a larger one in batches of ids, each clipping once and in order, the next asked ahead', async () => {
    const { fetch, calls, mostOpen } = recordingFetch();
    const askedBeforeTakenIn: number[] = [];
    const batches = await collect(corpusBatches(ids, fetch, { oneCallMax: 22, batch: 5 }), () =>
      askedBeforeTakenIn.push(calls.length),
    );
    expect(calls.map((c) => c?.length)).toEqual([5, 5, 5, 5, 3]);
    expect(batches.map((b) => b.last)).toEqual([false, false, false, false, true]);
    expect(batches.flatMap((b) => b.docs.map((d) => d.id))).toEqual(ids);
    expect(batches[2]!.docs.find((d) => d.id === ids[10])?.title).toBe((await service.get({ id: ids[10]! }))?.title);
    // While batch n is taken in, batch n + 1 has been asked for; never more than that at once.
    expect(askedBeforeTakenIn).toEqual([2, 3, 4, 5, 5]);
    expect(mostOpen()).toBeLessThanOrEqual(2);
  });

  it('stops asking when the caller stops', async () => {
    const { fetch, calls } = recordingFetch();
    for await (const batch of corpusBatches(ids, fetch, { oneCallMax: 0, batch: 5 })) {
      expect(batch.last).toBe(false);
      break;
    }
    expect(calls).toHaveLength(2); // the first, and the one asked ahead; none after
  });
});
