// Format 2 → 3 on an archive of 10,000 clippings: every clipping carried over unchanged (the trash
// too), checksums and summaries written, the old files kept in a before-migration snapshot. The
// migration is killed (SIGKILL) twice in the middle, at moments the test waits for (new files
// appearing), and each time the archive is still the old one or the new one, never a mixture;
// the next open finishes the job.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { readManifest } from '../../../support/archive-files.ts';
import { BIN, assertCliBuilt } from '../../../support/cli.ts';
import { format2Clipping, writeFormat2Archive } from '../../../support/format2.ts';
import { tempDir } from '../../../support/temp.ts';

const COUNT = 10_000;
let dir: string;
let cleanup: () => Promise<void>;
const clippings = Array.from({ length: COUNT }, (_, i) =>
  format2Clipping(i, i % 97 === 0 ? { deletedAt: '2025-06-01T00:00:00.000Z' } : {}),
);

beforeAll(async () => {
  assertCliBuilt();
  ({ dir, cleanup } = await tempDir('press-archive-migrate-'));
  dir = join(dir, 'archive');
  await writeFormat2Archive(dir, clippings);
});
afterAll(() => cleanup());

/** Starts the CLI on the archive (opening it migrates it) and SIGKILLs it once `newFiles` new shard files exist. */
async function killMigrationAfter(newFiles: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [BIN, 'check', '--archive', dir], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, signal) => resolve(signal)));
  let done = false;
  void exited.then(() => (done = true));
  // Waits for the event itself (files written by the migration), looking every few milliseconds.
  while (!done) {
    const names = await readdir(join(dir, 'shards')).catch(() => [] as string[]);
    if (names.filter((n) => /-g(?!7\.)\d+\.json$/.test(n)).length >= newFiles) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill('SIGKILL');
  return exited;
}

async function formatOnDisk(): Promise<number> {
  return (await readManifest(dir)).formatVersion;
}

it('migrates 10,000 clippings from format 2, surviving SIGKILL in the middle', { timeout: 300_000 }, async () => {
  const original = JSON.stringify(clippings);
  for (const newFiles of [1, 30]) {
    expect(await killMigrationAfter(newFiles)).toBe('SIGKILL'); // killed while it ran
    const version = await formatOnDisk();
    expect([2, 3]).toContain(version);
    if (version === 2) {
      // Still the old archive, whole: its manifest and every shard it names as written.
      const manifest = await readManifest(dir);
      expect(manifest.shards.reduce((n, s) => n + s.count, 0)).toBe(COUNT);
      for (const { file } of manifest.shards) {
        const shard = JSON.parse(await readFile(join(dir, file), 'utf8'));
        expect(shard.formatVersion).toBe(2);
      }
    } else {
      expect((await checkArchive(dir)).ok).toBe(true);
    }
  }
  const app = await ArchiveService.open(dir);
  expect(await formatOnDisk()).toBe(3);
  expect(await app.verified).toBeUndefined();
  const report = await checkArchive(dir);
  expect(report).toMatchObject({ ok: true, clippings: COUNT });
  const { content } = await app.backupFile();
  const stored = (JSON.parse(content) as { clippings: typeof clippings }).clippings.sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  expect(JSON.stringify(stored)).toBe(original);
  expect((await app.list({ trash: true })).length).toBe(clippings.filter((c) => c.deletedAt).length);
  const backups = await app.backups();
  expect(backups.filter((b) => b.kind === 'before-migration')[0]).toMatchObject({
    formatVersion: 2,
    clippings: COUNT - 104,
  });
  // Only the new format's files are left in the archive folder.
  const names = await readdir(join(dir, 'shards'));
  expect(names.filter((n) => n.endsWith('-g7.json'))).toEqual([]);
  await app.add({ title: 'नए प्रारूप में', body: 'पहली नई कतरन' });
  expect((await checkArchive(dir)).ok).toBe(true);
});
