// Add and edit latency of one clipping in a small and in a large archive: the sharded storage
// should make them nearly the same (one bounded shard + the small manifest written per write).
// Also what opening costs (the manifest and a size check of each shard file; shards are read when
// first needed), what the first full read costs (what the UI does at start), and a snapshot.
import { it } from 'vitest';
import { ArchiveService } from '../archive/service.ts';
import { FIRST_ARTICLE_TEXT } from '../archive/seed/index.ts';
import { tempDir } from '../tests/support/temp.ts';
import { markdownTable, ms, percentile, writeResult } from './support/table.ts';

const SIZES = (process.env.BENCH_STORAGE_SIZES ?? '100,100000').split(',').map(Number);
const WRITES = 200;
const BODY = FIRST_ARTICLE_TEXT; // ~6 KB of Hindi, the size of a real clipping

async function fill(service: ArchiveService, count: number): Promise<void> {
  const batch = 5000;
  for (let done = 0; done < count; done += batch) {
    const lines = [];
    for (let i = done; i < Math.min(count, done + batch); i++)
      lines.push(JSON.stringify({ title: `कतरन ${i}`, body: `${i} ${BODY}` }));
    await service.importFiles({ files: [{ name: 'fill.ndjson', content: lines.join('\n') }] });
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

it('storage: open, add and edit latency, snapshots', async () => {
  const rows: (string | number)[][] = [];
  const snapshots: (string | number)[][] = [];
  for (const size of SIZES) {
    const { dir, cleanup } = await tempDir('press-archive-bench-');
    await fill(await ArchiveService.open(dir), size - 1); // plus the seed clipping
    let service!: ArchiveService;
    const openMs = await timed(async () => (service = await ArchiveService.open(dir)));
    const firstReadMs = await timed(() => service.list());
    const adds: number[] = [];
    for (let i = 0; i < WRITES; i++)
      adds.push(await timed(() => service.add({ title: `नई ${i}`, body: `नया पाठ ${i} ${BODY}` })));
    const ids = (await service.list()).map((c) => c.id);
    const edits: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const id = ids[Math.floor((i * ids.length) / WRITES)]!; // spread over old and new shards
      edits.push(await timed(() => service.update({ id, title: `संशोधित ${i}` })));
    }
    adds.sort((a, b) => a - b);
    edits.sort((a, b) => a - b);
    rows.push([
      size.toLocaleString('en'),
      ms(openMs),
      ms(firstReadMs),
      ms(percentile(adds, 0.5)),
      ms(percentile(adds, 0.95)),
      ms(percentile(edits, 0.5)),
      ms(percentile(edits, 0.95)),
    ]);
    // The fill took a daily snapshot of the one-clipping archive; the first of the full archive
    // copies every shard, the next ones link what did not change.
    const firstSnapshot = await timed(() => service.takeBackup());
    await service.add({ title: 'एक और', body: `एक और ${BODY}` });
    const nextSnapshot = await timed(() => service.takeBackup());
    snapshots.push([size.toLocaleString('en'), ms(firstSnapshot), ms(nextSnapshot)]);
    await cleanup();
  }
  await writeResult(
    'storage',
    'Storage: one write at different archive sizes',
    markdownTable(['clippings', 'open', 'first full read', 'add p50', 'add p95', 'edit p50', 'edit p95'], rows) +
      '\n\n' +
      markdownTable(['clippings', 'snapshot (full copy)', 'next snapshot (unchanged shards linked)'], snapshots),
    `${WRITES} adds and ${WRITES} edits each, fsync'd, ~6 KB Hindi clippings. "open" reads the manifest and checks ` +
      `each shard file's size; "first full read" reads and validates every shard (what the app's list does once).`,
  );
});
