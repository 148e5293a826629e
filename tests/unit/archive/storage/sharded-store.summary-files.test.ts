// Summary files are written without indentation (they are read at every launch, and only by the
// app). Archives written before keep their indented summary files: those are read as they are,
// checked against the same checksums, and replaced by compact ones only as their shards change.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { readManifest } from '../../../support/archive-files.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
archiveDirPerTest((path) => (dir = path));

// Each service is closed before its folder goes: a listed one verifies the archive in the background.
const opened: ArchiveService[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((service) => service.close()));
});
async function open(): Promise<ArchiveService> {
  const service = await ArchiveService.open(dir);
  opened.push(service);
  return service;
}

const summaryOf = (file: string) => file.replace(/\.json$/, '.summary.json');

async function archiveOf(count: number): Promise<void> {
  const service = await open();
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ title: `ख़बर ${i}`, body: `पाठ ${i}` }));
  await service.importFiles({ files: [{ name: 'many.ndjson', content: lines.join('\n') }] });
}

it('writes summary files as one line of JSON, and shard files indented', async () => {
  await archiveOf(3);
  const [entry] = (await readManifest(dir)).shards;
  const summary = await readFile(join(dir, summaryOf(entry!.file)), 'utf8');
  expect(summary.trimEnd().split('\n')).toHaveLength(1);
  expect(JSON.parse(summary)).toMatchObject({ formatVersion: 3 });
  expect((await readFile(join(dir, entry!.file), 'utf8')).split('\n').length).toBeGreaterThan(10);
});

it('reads and checks the indented summary files an earlier version wrote, and lists from them', async () => {
  await archiveOf(300);
  const expected = (await (await open()).list()).map((c) => c.id);
  // As the earlier version wrote them: indented, with the manifest's checksums to match.
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    shards: { file: string; summaryBytes: number; summarySha256: string }[];
  };
  for (const entry of manifest.shards) {
    const path = join(dir, summaryOf(entry.file));
    const indented = JSON.stringify(JSON.parse(await readFile(path, 'utf8')), null, 2) + '\n';
    await writeFile(path, indented);
    entry.summaryBytes = Buffer.byteLength(indented);
    entry.summarySha256 = createHash('sha256').update(indented).digest('hex');
  }
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  expect((await checkArchive(dir)).ok).toBe(true);
  const service = await open();
  expect((await service.list()).map((c) => c.id)).toEqual(expected);
  expect(await service.verified).toBeUndefined();
  // One changed byte in an indented summary is still found, at launch.
  const first = join(dir, summaryOf(manifest.shards[0]!.file));
  await writeFile(first, (await readFile(first, 'utf8')).replace('ख़बर 1"', 'ख़बर 7"'));
  const reopened = await open();
  await reopened.list();
  expect(reopened.damage?.problems[0]?.file).toBe(summaryOf(manifest.shards[0]!.file));
});
