// The search worker's index built while an import is written (ahead-build.ts), against a real
// archive folder and the archive's own calls: the same index as one built from the archive after
// the import; an edit made meanwhile wins over the text fetched before it; nothing is built when the
// load would catch up instead; and when the write fails after the clippings were handed out (a full
// disk, injected under the archive's file system calls), comparing with the archive's list finds
// every clipping that was never written, so the load builds anew from the archive.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Envelope, SearchDoc } from '../../../../../archive/api.ts';
import { SearchEngine } from '../../../../../archive/search/engine.ts';
import { indexChanges, worthRebuilding } from '../../../../../archive/search/sync.ts';
import { ArchiveService } from '../../../../../archive/service.ts';
import { createDispatcher, type Dispatch } from '../../../../../archive/transport/dispatch.ts';
import { AheadBuild } from '../../../../../renderer/src/search/ahead-build.ts';
import { tempDir } from '../../../../support/temp.ts';

/** Armed: the next rename (how every file of a commit is put in place) fails as on a full disk. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof real.rename = async (from, to) => {
    if (disk.full && !String(to).includes('archive.lock')) {
      throw Object.assign(new Error('ENOSPC: injected failure'), { code: 'ENOSPC', syscall: 'rename' });
    }
    return real.rename(from, to);
  };
  return { ...real, rename, default: { ...real, rename } };
});

let service: ArchiveService;
let dispatch: Dispatch;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  disk.full = false;
  const temp = await tempDir('press-archive-ahead-');
  cleanup = temp.cleanup;
  service = await ArchiveService.open(join(temp.dir, 'archive'));
  dispatch = createDispatcher(service);
});
afterEach(async () => {
  disk.full = false;
  await service.close();
  await cleanup();
});

function feed(count: number): Uint8Array {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ title: `आयात की कतरन ${i}`, body: `नगर निगम की योजना ${i} पर बैठक हुई।` }),
  );
  return new TextEncoder().encode(lines.join('\n'));
}

function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`refused: ${envelope.error.code}`);
  return envelope.value as T;
}

async function indexOfArchive(): Promise<SearchEngine> {
  const engine = new SearchEngine();
  engine.putAll(await service.searchCorpus({}));
  return engine;
}

/** An import as the page makes it, with an index built ahead from what the worker has now. */
async function importWithAheadBuild(
  task: string,
  bytes: Uint8Array,
  onHandedOut: (ahead: AheadBuild) => void = () => {},
) {
  const base = await indexOfArchive();
  valueOf(await dispatch('importBegin', { task, files: [{ name: 'feed.ndjson', size: bytes.byteLength }] }));
  const ahead: AheadBuild = new AheadBuild(
    'archive',
    base,
    {
      added: async (fewest, most) => {
        const added = valueOf<SearchDoc[]>(await dispatch('importingCorpus', { task, fewest, most }));
        onHandedOut(ahead);
        return added;
      },
      all: () => service.searchCorpus({}),
      step: async (work) => work(),
    },
    { step: 250, max: 20_000 },
  );
  valueOf(await dispatch('importChunk', { task, file: 0, bytes }));
  const finished = await dispatch('importFinish', { task });
  return { ahead, finished, built: await ahead.built };
}

const hitsOf = (engine: SearchEngine, query: string) => {
  const outcome = engine.search(query, { limit: 10_000 });
  if (!outcome.ok) throw new Error(`search failed: ${query}`);
  return outcome.hits.map((h) => h.id).sort();
};

it('built while the import is written: the index a build from the archive afterwards gives', async () => {
  const { ahead, finished, built } = await importWithAheadBuild('import-ahead-01', feed(1500));
  expect(finished).toMatchObject({ ok: true, value: { added: 1500 } });
  expect(ahead.clippingsCame).toBe(true);
  expect(built).toBeDefined();
  const list = (await service.list()).map((s) => [s.id, s.updatedAt] as const);
  expect(indexChanges(built!, list)).toEqual({ stale: [], gone: [] });
  const fresh = await indexOfArchive();
  expect(built!.size).toBe(1501);
  for (const query of ['योजना', 'आयात की कतरन 7', '"नगर निगम"', 'बैठक -योजना']) {
    expect(hitsOf(built!, query), query).toEqual(hitsOf(fresh, query));
  }
  expect(hitsOf(built!, 'आयात')).toHaveLength(1500);
});

it('an edit made meanwhile wins over the text fetched before it', async () => {
  const [seed] = await service.searchCorpus({});
  const edited = { ...seed!, title: 'बदला हुआ शीर्षक', updatedAt: '2026-12-08T00:00:00.000Z' };
  // The edit comes once the build has begun (as the page's put does): the seed's older text,
  // fetched after it, is not indexed over it.
  const { built } = await importWithAheadBuild('import-ahead-02', feed(1500), (ahead) => ahead.put(edited));
  expect(built!.versionOf(seed!.id)).toBe(edited.updatedAt);
  expect(hitsOf(built!, 'बदला हुआ शीर्षक')).toEqual([seed!.id]);
});

it('nothing is built when the load after the import would catch up instead', async () => {
  const { ahead, finished, built } = await importWithAheadBuild('import-ahead-03', feed(600));
  expect(finished).toMatchObject({ ok: true, value: { added: 600 } });
  expect(built).toBeUndefined();
  expect(ahead.clippingsCame).toBe(false);
});

it('a write that fails after the clippings were handed out: the list shows them never written', async () => {
  const before = await service.list();
  const { finished, built } = await importWithAheadBuild('import-ahead-04', feed(1500), () => (disk.full = true));
  disk.full = false;
  expect(finished).toMatchObject({ ok: false });
  expect(await service.list()).toEqual(before);
  // What the load does with the index built ahead: compare it with the archive's list.
  const changes = indexChanges(
    built!,
    (await service.list()).map((s) => [s.id, s.updatedAt] as const),
  );
  expect(changes.stale).toEqual([]);
  expect(changes.gone).toHaveLength(1500);
  expect(worthRebuilding(changes, built!.size)).toBe(true);
});
