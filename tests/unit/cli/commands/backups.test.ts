// `press-archive backups`, `backup` and `restore`, run as real processes, including the whole
// repair of a damaged archive from the command line.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { garbleFile, shardFile } from '../../../support/archive-files.ts';
import { assertCliBuilt, runCli } from '../../../support/cli.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { tempDir } from '../../../support/temp.ts';

let archive: string;
let cleanup: () => Promise<void>;

beforeAll(assertCliBuilt);
beforeEach(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  archive = join(temp.dir, 'archive');
});
afterEach(() => cleanup());

const cli = (...args: string[]) => runCli([...args, '--archive', archive]);
const json = async (...args: string[]) => {
  const result = await cli(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe('press-archive backups, backup, restore', () => {
  it('lists the automatic snapshot, takes one on demand, and restores either', async () => {
    expect(await json('backups')).toEqual([]);
    expect((await cli('add', '--title', 'पहली', '--body', 'एक')).code).toBe(0);
    const [daily] = await json('backups');
    expect(daily).toMatchObject({ kind: 'daily', clippings: 1, formatVersion: 3 });
    expect(daily.name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-daily$/);

    const manual = (await cli('backup')).stdout.trim();
    expect(manual).toMatch(/-manual$/);
    expect((await cli('backups')).stdout).toContain(`${manual}\tmanual\t2 clippings`);
    expect((await cli('add', '--title', 'दूसरी', '--body', 'दो')).code).toBe(0);

    const restored = await cli('restore', daily.name);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      new RegExp(`^restored ${daily.name}: 1 clippings\\nthe state before is kept as \\S+-before-restore\\n$`),
    );
    expect(await json('list')).toHaveLength(1);

    const result = await json('restore', manual);
    expect(result).toMatchObject({ restored: manual, clippings: 2, trashed: 0 });
    expect((await json('list')).map((c: { title: string }) => c.title).sort()).toEqual(
      ['पहली', (await json('list')).find((c: { title: string }) => c.title !== 'पहली').title].sort(),
    );
    expect((await cli('check')).code).toBe(0);
  });

  it('repairs a damaged archive: list refuses it, backups and restore work, check passes again', async () => {
    expect((await cli('add', '--title', 'रखो', '--body', 'इसे बचाना है')).code).toBe(0);
    const shard = await shardFile(archive);
    await garbleFile(join(archive, shard));
    const damagedBytes = await readFile(join(archive, shard));

    const listed = await cli('list');
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`damaged: ${shard}`);
    expect(listed.stderr).toMatch(/restore a backup/);
    const check = await cli('check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(shard);

    const [daily] = await json('backups');
    const restored = await json('restore', daily.name);
    expect(restored.clippings).toBe(1);
    expect((await cli('check')).code).toBe(0);
    expect((await cli('add', '--title', 'फिर से', '--body', 'लिखा जा सकता है')).code).toBe(0);
    // The damaged file is kept, as it was, in the set-aside snapshot.
    expect(await readFile(join(archive, 'backups', restored.setAside, shard))).toEqual(damagedBytes);
  });

  it('refuses an unknown snapshot (exit 1, one line, nothing changed) and a missing one (exit 2)', async () => {
    expect((await cli('add', '--title', 'एक', '--body', 'एक')).code).toBe(0);
    const before = await snapshotFiles(archive);
    for (const name of ['2020-01-01T00-00-00-000Z-daily', '../../../manifest.json', 'backups']) {
      const result = await cli('restore', name);
      expect(result.code, name).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`There is no backup named ${name}.`);
    }
    const hindi = await runCli(['restore', 'x', '--archive', archive], { LANG: 'hi_IN.UTF-8' });
    expect(hindi.stderr).toContain('x नाम का कोई बैकअप नहीं है।');
    expect((await cli('restore')).code).toBe(2);
    expect((await cli('backups', 'extra')).code).toBe(2);
    expect(await snapshotFiles(archive)).toEqual(before);
    expect((await readdir(join(archive, 'backups'))).length).toBe(1);
  });
});
