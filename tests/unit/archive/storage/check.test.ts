// A damaged archive: the app opens it read-only, says which file is wrong and how, refuses every
// write with 'damaged', and leaves every file (backups included) exactly as it was.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { garbleFile, readManifest, shardFile, truncateFile } from '../../../support/archive-files.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
archiveDirPerTest((path) => (dir = path));

/** An archive of 300 clippings in two shards (250 + 50) plus the seed's. */
async function twoShardArchive(): Promise<ArchiveService> {
  const service = await ArchiveService.open(dir);
  const lines = Array.from({ length: 299 }, (_, i) => JSON.stringify({ title: `ख़बर ${i}`, body: `पाठ ${i}` }));
  await service.importFiles({ files: [{ name: 'many.ndjson', content: lines.join('\n') }] });
  expect((await readManifest(dir)).shards.map((s) => s.count)).toEqual([250, 50]);
  return service;
}

type Target = 'first shard' | 'manifest';
const damages = {
  truncated: (path: string) => truncateFile(path),
  garbled: (path: string) => garbleFile(path),
  deleted: (path: string) => rm(path),
  emptied: (path: string) => writeFile(path, ''),
};

const expectedDetail: Record<keyof typeof damages, RegExp> = {
  truncated: /not valid JSON/,
  garbled: /not valid JSON|: /, // rubbish in the middle: broken JSON, or a broken value in it
  deleted: /missing/,
  emptied: /not valid JSON/,
};

/** Every write the API offers, each of which must be refused. */
async function tryEveryWrite(dispatch: ReturnType<typeof createDispatcher>, someId: string) {
  return [
    await dispatch('add', { title: 'नई', body: 'नया पाठ' }),
    await dispatch('update', { id: someId, title: 'बदला' }),
    await dispatch('trash', { id: someId }),
    await dispatch('restore', { id: someId }),
    await dispatch('importFiles', { files: [{ name: 'a.txt', content: 'शीर्षक\nपाठ' }] }),
    await dispatch('saveSearches', { searches: [{ name: 'बाढ़', query: 'बाढ़' }] }),
  ];
}

describe.each<Target>(['first shard', 'manifest'])('a damaged %s', (target) => {
  it.each(Object.keys(damages) as (keyof typeof damages)[])(
    '%s: opens read-only, reports file and problem, refuses every write, changes nothing',
    async (kind) => {
      const someId = (await (await twoShardArchive()).list())[0]!.id;
      const file = target === 'manifest' ? 'manifest.json' : await shardFile(dir, 1);
      await damages[kind](join(dir, file));
      const before = await snapshotFiles(dir);

      const app = await ArchiveService.open(dir);
      await app.verified; // the check the app runs after showing the list
      const dispatch = createDispatcher(app);
      const info = await dispatch('info', {});
      expect(info.ok).toBe(true);
      const damage = (info as { value: { damage?: { problems: { file: string; detail: string }[] } } }).value.damage;
      expect(damage?.problems[0]?.file).toBe(file);
      expect(damage?.problems[0]?.detail).toMatch(expectedDetail[kind]);

      // What can still be read is shown: the other shard at least.
      const list = await dispatch('list', {});
      expect(list.ok).toBe(true);
      const shown = (list as { value: unknown[] }).value.length;
      expect(shown).toBeGreaterThanOrEqual(target === 'manifest' ? 300 : 50);

      for (const answer of await tryEveryWrite(dispatch, someId)) {
        expect(answer).toMatchObject({ ok: false, error: { code: 'damaged', params: { file } } });
      }
      expect(await snapshotFiles(dir)).toEqual(before);
      const report = await checkArchive(dir);
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({ file });
    },
  );
});

describe('damage found while the archive is open', () => {
  it('a shard that changes to rubbish under a running app is not overwritten; the app turns read-only', async () => {
    const app = await twoShardArchive();
    const last = join(dir, await shardFile(dir, 2));
    await garbleFile(last); // same size: only reading it shows the damage
    const before = await snapshotFiles(dir);
    const error = await app.add({ title: 'नई', body: 'नया पाठ' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ info: { code: 'damaged', params: { file: await shardFile(dir, 2) } } });
    expect(await snapshotFiles(dir)).toEqual(before);
    expect((await app.info()).damage?.problems[0]?.file).toBe(await shardFile(dir, 2));
  });

  it('a shard edited by hand, even to something valid, is damage naming the clipping, and is not overwritten', async () => {
    const app = await twoShardArchive();
    const file = await shardFile(dir, 2);
    const shard = JSON.parse(await readFile(join(dir, file), 'utf8'));
    shard.clippings[0].title = 'हाथ से सुधारा गया शीर्षक';
    await writeFile(join(dir, file), JSON.stringify(shard, null, 2) + '\n');
    const before = await snapshotFiles(dir);
    const error = await app.add({ title: 'नई', body: 'नया पाठ' }).catch((e: { info: unknown }) => e.info);
    expect(error).toMatchObject({ code: 'damaged', params: { file } });
    expect(await snapshotFiles(dir)).toEqual(before);
    const report = await checkArchive(dir);
    expect(report.problems).toContainEqual({
      file,
      id: shard.clippings[0].id,
      detail: `clipping ${shard.clippings[0].id} does not match its checksum`,
    });
  });

  it('notices a repair from outside and can be written again', async () => {
    await twoShardArchive();
    const file = await shardFile(dir, 1);
    const good = await readFile(join(dir, file));
    await truncateFile(join(dir, file));
    const app = await ArchiveService.open(dir);
    await app.verified;
    expect((await app.info()).damage).toBeDefined();
    await writeFile(join(dir, file), good); // e.g. copied back from a backup by hand
    expect((await app.info()).damage).toBeUndefined();
    await app.add({ title: 'फिर से', body: 'लिखा जा सकता है' });
    expect((await app.info()).clippings).toBe(301);
  });

  it('a record that breaks the schema names the record and the field', async () => {
    await twoShardArchive();
    const file = await shardFile(dir, 2);
    const shard = JSON.parse(await readFile(join(dir, file), 'utf8'));
    shard.clippings[3].date = '2024-02-30';
    await writeFile(join(dir, file), JSON.stringify(shard, null, 2) + '\n');
    const app = await ArchiveService.open(dir);
    await app.verified;
    const info = await app.info();
    expect(info.damage?.problems[0]).toEqual({ file, detail: expect.stringMatching(/^clippings\[3\]\.date/) });
    expect(info.damage?.problems).toContainEqual(expect.objectContaining({ file, id: shard.clippings[3].id }));
  });

  it('a manifest that disagrees with its shard (count) is damage', async () => {
    await twoShardArchive();
    const manifest = await readManifest(dir);
    manifest.shards[1]!.count = 49;
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const app = await ArchiveService.open(dir);
    await app.verified;
    const info = await app.info();
    expect(info.damage?.problems[0]).toEqual({
      file: manifest.shards[1]!.file,
      detail: 'manifest says 49 clippings, the file has 50',
    });
  });
});
