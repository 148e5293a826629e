// Add and edit latency of one clipping in a small and in a large archive: the sharded storage
// should make them nearly the same (one bounded shard + the small manifest rewritten per write).
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

it('storage: add and edit latency', async () => {
  const rows: (string | number)[][] = [];
  for (const size of SIZES) {
    const { dir, cleanup } = await tempDir('press-archive-bench-');
    await fill(await ArchiveService.open(dir), size - 1); // plus the seed clipping
    let service!: ArchiveService;
    const openMs = await timed(async () => (service = await ArchiveService.open(dir)));
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
      ms(percentile(adds, 0.5)),
      ms(percentile(adds, 0.95)),
      ms(percentile(edits, 0.5)),
      ms(percentile(edits, 0.95)),
    ]);
    await cleanup();
  }
  await writeResult(
    'storage',
    'Storage: one write at different archive sizes',
    markdownTable(['clippings', 'open (read + validate all)', 'add p50', 'add p95', 'edit p50', 'edit p95'], rows),
    `${WRITES} adds and ${WRITES} edits each, fsync'd, ~6 KB Hindi clippings.`,
  );
});
