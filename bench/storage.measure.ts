// The storage at 10,000 and 100,000 clippings (BENCH_STORAGE_SIZES=… for others):
//  - list at launch: open the archive and get the list, as the app does when it starts (from the
//    summary files; the shards are read afterwards);
//  - full verification: every shard read and checked against its checksums (what the app runs
//    after showing the list), and `check` (the same from the command line, summaries included);
//  - import of 10,000 new clippings into an empty archive and into one of size − 10,000 (the
//    duplicate check reads the stored digests, not the texts); the empty imports run just before
//    and just after the large one and the ratio is to their mean, so a machine whose load changes
//    during the run (other work on it) skews the ratio as little as possible;
//  - wall time and this process's CPU time (user + system) of the launch and the verification:
//    on a loaded machine the CPU time says more about the code than the wall time;
//  - add and edit latency of one clipping (one bounded shard and the small manifest per write);
//  - a snapshot: the first copies every shard, the next links what did not change.
import { loadavg } from 'node:os';
import { it } from 'vitest';
import { ArchiveService } from '../archive/service.ts';
import { FIRST_ARTICLE_TEXT } from '../archive/seed/index.ts';
import { checkArchive } from '../archive/storage/check.ts';
import { tempDir } from '../tests/support/temp.ts';
import { markdownTable, ms, percentile, writeResult } from './support/table.ts';

const SIZES = (process.env.BENCH_STORAGE_SIZES ?? '10000,100000').split(',').map(Number);
const IMPORTED = 10_000;
const WRITES = 200;
const BODY = FIRST_ARTICLE_TEXT; // ~6 KB of Hindi, the size of a real clipping

function feed(from: number, count: number, tag: string): string {
  const lines = [];
  for (let i = from; i < from + count; i++)
    lines.push(JSON.stringify({ title: `${tag} ${i}`, body: `${tag} ${i} ${BODY}` }));
  return lines.join('\n');
}

async function fill(service: ArchiveService, count: number): Promise<void> {
  const batch = 5000;
  for (let done = 0; done < count; done += batch) {
    const content = feed(done, Math.min(batch, count - done), 'कतरन');
    await service.importFiles({ files: [{ name: 'fill.ndjson', content }] });
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  return (await timedWithCpu(work)).wall;
}

/** Wall time and this process's CPU time, in ms. */
async function timedWithCpu(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

async function importIntoEmpty(): Promise<{ wall: number; cpu: number }> {
  const empty = await tempDir('press-archive-bench-');
  try {
    return await importInto(await ArchiveService.open(empty.dir));
  } finally {
    await empty.cleanup();
  }
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

async function importInto(service: ArchiveService): Promise<{ wall: number; cpu: number }> {
  const content = feed(0, IMPORTED, 'नई');
  let added = 0;
  const took = await timedWithCpu(async () => {
    added = (await service.importFiles({ files: [{ name: 'new.ndjson', content }] })).added;
  });
  if (added !== IMPORTED) throw new Error(`imported ${added} of ${IMPORTED}`);
  return took;
}

it('storage: list at launch, verification, import, add and edit latency, snapshots', async () => {
  const rows: (string | number)[][] = [];
  const snapshots: (string | number)[][] = [];
  const loads = [`start ${load()}`];
  for (const size of SIZES) {
    const { dir, cleanup } = await tempDir('press-archive-bench-');
    const filler = await ArchiveService.open(dir);
    const filled = Math.max(0, size - IMPORTED - 1); // plus the seed clipping
    await fill(filler, filled);
    const emptyBefore = await importIntoEmpty();
    const intoLarge = await importInto(filler);
    const emptyAfter = await importIntoEmpty();
    const intoEmpty = { wall: (emptyBefore.wall + emptyAfter.wall) / 2, cpu: (emptyBefore.cpu + emptyAfter.cpu) / 2 };

    let service!: ArchiveService;
    let listed = 0;
    const launch = await timedWithCpu(async () => {
      service = await ArchiveService.open(dir);
      listed = (await service.list()).length;
    });
    if (listed !== filled + IMPORTED + 1) throw new Error(`listed ${listed} of ${filled + IMPORTED + 1}`);
    const verify = await timedWithCpu(async () => {
      if ((await service.verified) !== undefined) throw new Error('damaged');
    });
    const checkMs = await timed(async () => {
      if (!(await checkArchive(dir)).ok) throw new Error('check failed');
    });
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
      `${ms(launch.wall)} (CPU ${ms(launch.cpu)})`,
      `${ms(verify.wall)} (CPU ${ms(verify.cpu)})`,
      ms(checkMs),
      `${ms(emptyBefore.wall)} / ${ms(emptyAfter.wall)} (CPU ${ms(emptyBefore.cpu)} / ${ms(emptyAfter.cpu)})`,
      `${ms(intoLarge.wall)} (CPU ${ms(intoLarge.cpu)})`,
      `${(intoLarge.wall / intoEmpty.wall).toFixed(2)}× (CPU ${(intoLarge.cpu / intoEmpty.cpu).toFixed(2)}×)`,
      ms(percentile(adds, 0.5)),
      ms(percentile(adds, 0.95)),
      ms(percentile(edits, 0.5)),
      ms(percentile(edits, 0.95)),
    ]);
    const firstSnapshot = await timed(() => service.takeBackup());
    await service.add({ title: 'एक और', body: `एक और ${BODY}` });
    const nextSnapshot = await timed(() => service.takeBackup());
    snapshots.push([size.toLocaleString('en'), ms(firstSnapshot), ms(nextSnapshot)]);
    await cleanup();
    loads.push(`after ${size.toLocaleString('en')} ${load()}`);
  }
  await writeResult(
    'storage',
    'Storage: launch, verification, import and one write at different archive sizes',
    markdownTable(
      [
        'clippings',
        'list at launch (open + list)',
        'full verification (app, after the list)',
        '`check`',
        `import ${IMPORTED.toLocaleString('en')} into an empty archive (just before / just after)`,
        `import ${IMPORTED.toLocaleString('en')} into size − ${IMPORTED.toLocaleString('en')}`,
        '÷ into empty (mean; wall and CPU)',
        'add p50',
        'add p95',
        'edit p50',
        'edit p95',
      ],
      rows,
    ) +
      '\n\n' +
      markdownTable(['clippings', 'snapshot (full copy)', 'next snapshot (unchanged shards linked)'], snapshots),
    `~6 KB Hindi clippings; ${WRITES} adds and ${WRITES} edits each, fsync'd. "list at launch" opens the archive ` +
      `and lists it from the summary files; "full verification" then reads every shard and checks it against ` +
      `its SHA-256 checksums; \`check\` also checks every record against its own checksum and its summary. ` +
      `CPU is this process's user + system time. Load average (1 / 5 / 15 min): ${loads.join('; ')}.`,
  );
});
