// `check --repair` on real files: one-byte edits in a shard (a date digit, an id character, a space
// turned into "!", an invalid UTF-8 byte in a Devanagari body), a deleted shard, a damaged summary.
// Only the damaged clippings come back, each from the newest snapshot holding it intact; every other
// clipping stays byte for byte as it was; what was done is said (in English and in Hindi); a clipping
// that is in no snapshot is named and not made up; the damaged state is kept in a snapshot; the
// exit code says whether everything was repaired.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RepairReport } from '../../../../archive/backup/repair-report.ts';
import type { Clipping } from '../../../../archive/clipping.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { readManifest, shardFile } from '../../../support/archive-files.ts';
import { runCli } from '../../../support/cli.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
archiveDirPerTest((path) => (dir = path), 'press-archive-repair-');

interface Fixture {
  /** Backed up, then damaged in the tests. */
  flood: Clipping;
  /** Added after the last backup: in no snapshot. */
  late: Clipping;
  /** The manual backup, the newest snapshot. */
  backup: string;
  file: string;
  /** Every clipping as stored, by id, before any damage. */
  before: Map<string, string>;
}

async function archive(): Promise<Fixture> {
  const app = await ArchiveService.open(dir);
  const flood = await app.add({
    title: 'बाढ़ से घिरे गाँव',
    body: 'पटना। गंगा का जलस्तर बढ़ने से कई गाँव पानी से घिर गए हैं।',
    date: '2024-08-14',
  });
  await app.add({ title: 'सूखे की मार', body: 'बुंदेलखंड में इस साल भी बारिश कम हुई।', date: '2024-07-02' });
  const backup = (await app.takeBackup()).name;
  const late = await app.add({ title: 'देर से आई ख़बर', body: 'यह कतरन किसी बैकअप में नहीं है।' });
  return { flood, late, backup, file: await shardFile(dir), before: await stored(dir) };
}

/** Every clipping as the archive stores it (read and checked), by id. */
async function stored(at: string): Promise<Map<string, string>> {
  const { content } = await (await ArchiveService.open(at)).backupFile();
  const clippings = (JSON.parse(content) as { clippings: Clipping[] }).clippings;
  return new Map(clippings.map((c) => [c.id, JSON.stringify(c)]));
}

/** The file's bytes with the first `from` after `after` replaced by `to` (same length). */
async function editBytes(file: string, after: string, from: Buffer, to: Buffer): Promise<Buffer> {
  const bytes = await readFile(join(dir, file));
  const start = bytes.indexOf(Buffer.from(after));
  const at = bytes.indexOf(from, start);
  expect(start >= 0 && at >= 0, `${after} … ${from.toString('hex')}`).toBe(true);
  to.copy(bytes, at);
  await writeFile(join(dir, file), bytes);
  return bytes;
}

async function repair(env: Record<string, string> = {}) {
  return runCli(['check', '--repair', '--archive', dir], env);
}

async function repairJson(): Promise<{ code: number | null; report: RepairReport }> {
  const result = await runCli(['check', '--repair', '--json', '--archive', dir]);
  return { code: result.code, report: JSON.parse(result.stdout) as RepairReport };
}

async function snapshotsOfKind(kind: string): Promise<string[]> {
  const list = JSON.parse((await runCli(['backups', '--json', '--archive', dir])).stdout) as {
    name: string;
    kind: string;
  }[];
  return list.filter((b) => b.kind === kind).map((b) => b.name);
}

describe('one changed byte in a backed-up clipping', () => {
  const cases: [string, (f: Fixture) => Promise<Buffer>][] = [
    ['a digit of a date', (f) => editBytes(f.file, '"date": "2024-08-14"', Buffer.from('14'), Buffer.from('15'))],
    [
      'a character of an id',
      (f) => {
        const id = f.flood.id;
        const changed = id.slice(0, -1) + (id.endsWith('a') ? 'b' : 'a');
        return editBytes(f.file, `"id": "${id}`, Buffer.from(id), Buffer.from(changed));
      },
    ],
    ['a space turned into "!"', (f) => editBytes(f.file, 'गंगा का', Buffer.from(' '), Buffer.from('!'))],
    [
      'an invalid UTF-8 byte in Devanagari text',
      (f) => editBytes(f.file, 'पटना', Buffer.from('ग'), Buffer.from([0xe0, 0xa4, 0xff])),
    ],
  ];

  it.each(cases)('%s: only that clipping comes back, from the newest backup; exit 0', async (_, damage) => {
    const f = await archive();
    const damagedBytes = await damage(f);
    expect((await checkArchive(dir)).ok).toBe(false);

    const result = await repair();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Repaired: the archive passes the check again');
    expect(result.stdout).toContain(
      `Restored “${f.flood.title}” (${f.flood.id}) in ${f.file} from the backup ${f.backup}.`,
    );

    expect((await checkArchive(dir)).ok).toBe(true);
    // Every clipping as before, byte for byte: the repaired one and all the others.
    expect(await stored(dir)).toEqual(f.before);
    // The damaged state is kept, its bytes included.
    const [setAside] = await snapshotsOfKind('before-repair');
    expect(result.stdout).toContain(`kept as the backup ${setAside}`);
    expect(await readFile(join(dir, 'backups', setAside!, f.file))).toEqual(damagedBytes);
    // And the archive takes changes again.
    await (await ArchiveService.open(dir)).add({ title: 'मरम्मत के बाद', body: 'फिर से लिखी गई' });
    expect((await checkArchive(dir)).ok).toBe(true);
  });
});

it('says what it did in Hindi when the user’s language is Hindi', async () => {
  const f = await archive();
  await editBytes(f.file, 'गंगा का', Buffer.from(' '), Buffer.from('!'));
  const result = await repair({ LANG: 'hi_IN.UTF-8' });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('मरम्मत हो गई');
  expect(result.stdout).toContain(`${f.file} में “${f.flood.title}” (${f.flood.id}) बैकअप ${f.backup} से वापस लाई गई।`);
  expect(result.stdout).toContain('मरम्मत से पहले का संग्रह');
});

it('a deleted shard: what the backups hold comes back; a clipping in none is named, not made up; exit 1', async () => {
  const f = await archive();
  await rm(join(dir, f.file));
  const { code, report } = await repairJson();
  expect(code).toBe(1);
  expect(report.ok).toBe(false);
  expect(report.unrepaired).toEqual([{ file: f.file, reason: 'notInBackups', id: f.late.id, title: f.late.title }]);
  expect(report.restored.map((r) => r.id).sort()).toEqual([...f.before.keys()].filter((id) => id !== f.late.id).sort());
  expect(report.restored.every((r) => r.snapshot === f.backup && r.exact)).toBe(true);

  expect((await checkArchive(dir)).ok).toBe(true);
  const after = await stored(dir);
  const expected = new Map(f.before);
  expected.delete(f.late.id);
  expect(after).toEqual(expected);

  const text = await repair(); // nothing left to repair now
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('Nothing to repair');
});

it('the text output names the clipping that is in no backup', async () => {
  const f = await archive();
  // The clipping added after the backup is the damaged one.
  await editBytes(f.file, 'यह कतरन', Buffer.from(' '), Buffer.from('!'));
  const result = await repair();
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('Not everything could be repaired; what is left (1) is listed below.');
  expect(result.stdout).toContain(
    `Could not repair “${f.late.title}” (${f.late.id}) in ${f.file}: it is in no backup.`,
  );
  // Every other clipping is kept as it was; the damaged one is not made up.
  expect((await checkArchive(dir)).ok).toBe(true);
  const expected = new Map(f.before);
  expected.delete(f.late.id);
  expect(await stored(dir)).toEqual(expected);
  // Its damaged bytes are still there, in the snapshot set aside before the repair.
  const [setAside] = await snapshotsOfKind('before-repair');
  expect(await readFile(join(dir, 'backups', setAside!, f.file), 'utf8')).toContain('यह!कतरन');
});

it('a damaged summary is written again from its intact shard; no clipping changes', async () => {
  const f = await archive();
  const summary = f.file.replace(/\.json$/, '.summary.json');
  await editBytes(summary, f.flood.title, Buffer.from(' '), Buffer.from('!'));
  expect((await checkArchive(dir)).problems).toContainEqual(expect.objectContaining({ file: summary }));
  const result = await repair();
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Wrote ${summary} again from its shard, which is intact.`);
  expect((await checkArchive(dir)).ok).toBe(true);
  expect(await stored(dir)).toEqual(f.before);
});

it('shard and summary both damaged: records matching the summary’s checksums stay, the changed one comes back', async () => {
  const f = await archive();
  await editBytes(f.file, '"date": "2024-08-14"', Buffer.from('14'), Buffer.from('15'));
  const summary = f.file.replace(/\.json$/, '.summary.json');
  await editBytes(summary, 'सूखे की', Buffer.from(' '), Buffer.from('!'));
  const { code, report } = await repairJson();
  expect(report.unrepaired).toEqual([]);
  expect(code).toBe(0);
  expect(report.restored).toEqual([
    { id: f.flood.id, title: f.flood.title, file: f.file, snapshot: f.backup, exact: true },
  ]);
  expect(await stored(dir)).toEqual(f.before);
});

it('a clipping edited since the backup comes back as it was then, and the report says so', async () => {
  const f = await archive();
  const app = await ArchiveService.open(dir);
  await app.update({ id: f.flood.id, title: 'बाढ़ से घिरे गाँव (संशोधित)' });
  const before = await stored(dir);
  const file = await shardFile(dir);
  await editBytes(file, 'गंगा का', Buffer.from(' '), Buffer.from('!'));
  const result = await repair();
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(
    `Restored an earlier version of “${f.flood.title}” (${f.flood.id}) in ${file} from the backup ${f.backup}`,
  );
  const after = await stored(dir);
  expect(after.get(f.flood.id)).toBe(f.before.get(f.flood.id));
  for (const [id, record] of before) if (id !== f.flood.id) expect(after.get(id)).toBe(record);
});

it('a sound archive: nothing to repair, nothing written, no snapshot taken', async () => {
  const f = await archive();
  const manifest = await readFile(join(dir, 'manifest.json'));
  const result = await repair();
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Nothing to repair: the archive passes the check (${f.before.size} clippings).`);
  expect(await readFile(join(dir, 'manifest.json'))).toEqual(manifest);
  expect(await snapshotsOfKind('before-repair')).toEqual([]);
});

it('the app repairs through the API: the damage is gone from info, and the report validates', async () => {
  const f = await archive();
  await editBytes(f.file, 'गंगा का', Buffer.from(' '), Buffer.from('!'));
  const service = await ArchiveService.open(dir);
  const dispatch = createDispatcher(service);
  const damaged = await dispatch('verify', {});
  expect(damaged).toMatchObject({
    ok: true,
    value: {
      damage: { problems: expect.arrayContaining([{ file: f.file, id: f.flood.id, detail: expect.any(String) }]) },
    },
  });
  const answer = await dispatch('repair', {});
  expect(answer).toMatchObject({
    ok: true,
    value: { ok: true, restored: [expect.objectContaining({ id: f.flood.id })] },
  });
  expect((await service.info()).damage).toBeUndefined();
  expect(await service.add({ title: 'नई', body: 'मरम्मत के बाद' })).toMatchObject({ title: 'नई' });
  expect((await readManifest(dir)).formatVersion).toBe(3);
});

it('a damaged manifest is named and left alone: a whole backup has to be restored; exit 1', async () => {
  await archive();
  await writeFile(join(dir, 'manifest.json'), '{"format": "press-archive", "formatVersion": 3, "generation": ');
  const before = await snapshotFiles(dir);
  const result = await repair();
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('Could not repair manifest.json: not valid JSON');
  expect(result.stdout).toContain('Restore a whole backup instead.');
  expect(await snapshotFiles(dir)).toEqual(before);
});
