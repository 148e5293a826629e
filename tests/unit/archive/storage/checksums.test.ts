// Format 3's checksums: a one-byte change anywhere in a shard is found by `check`, which names the
// clipping and the file and exits 1; the app goes read-only instead of showing changed text. A
// shard written by a newer version is said to be one, not called damage.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { recordChecksum } from '../../../../archive/storage/checksums.ts';
import { readManifest, shardFile } from '../../../support/archive-files.ts';
import { assertCliBuilt, runCli } from '../../../support/cli.ts';
import { archiveDirPerTest } from '../../../support/archive-dir.ts';

let dir: string;
beforeAll(assertCliBuilt);
archiveDirPerTest((path) => (dir = path));

async function archiveWithOneMore(): Promise<{ id: string; file: string; bytes: Buffer }> {
  const app = await ArchiveService.open(dir);
  const { id } = await app.add({
    title: 'बाढ़ से घिरे गाँव',
    body: 'पटना। गंगा का जलस्तर बढ़ने से कई गाँव पानी से घिर गए हैं।',
    date: '2024-08-14',
  });
  const file = await shardFile(dir);
  return { id, file, bytes: await readFile(join(dir, file)) };
}

/** The shard's bytes with the first `from` after `after` replaced by `to` (same length). */
function edit(bytes: Buffer, after: string, from: Buffer, to: Buffer): Buffer {
  const start = bytes.indexOf(Buffer.from(after));
  const at = bytes.indexOf(from, start);
  expect(start >= 0 && at >= 0, `${after} … ${from.toString('hex')}`).toBe(true);
  const changed = Buffer.from(bytes);
  to.copy(changed, at);
  return changed;
}

describe('one changed byte', () => {
  const cases: [string, (b: Buffer, id: string) => Buffer][] = [
    ['a digit of a date', (b) => edit(b, '"date"', Buffer.from('2024-08-14'), Buffer.from('2024-08-15'))],
    [
      'a character of an id',
      (b, id) =>
        edit(b, `"id": "${id}`, Buffer.from(id), Buffer.from(id.slice(0, -1) + (id.endsWith('a') ? 'b' : 'a'))),
    ],
    ['a space turned into "!"', (b) => edit(b, 'गंगा का', Buffer.from(' '), Buffer.from('!'))],
    [
      'an invalid UTF-8 byte in Devanagari text',
      // The last byte of "ग" (e0 a4 97) becomes ff: no longer UTF-8; a reader would show U+FFFD.
      (b) => edit(b, 'पटना', Buffer.from('ग'), Buffer.from([0xe0, 0xa4, 0xff])),
    ],
  ];

  it.each(cases)(
    '%s: check names the clipping and the file and exits 1; the app will not show it',
    async (_, change) => {
      const { id, file, bytes } = await archiveWithOneMore();
      await writeFile(join(dir, file), change(bytes, id));
      const report = await checkArchive(dir);
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining({ file, id }));

      const cli = await runCli(['check', '--archive', dir]);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain(`${file}: clipping ${id}`);
      const shown = await runCli(['show', id, '--archive', dir]);
      expect(shown.code).toBe(1);
      expect(shown.stdout).not.toContain('\uFFFD');
      expect(shown.stderr).toContain('damaged');

      const app = await ArchiveService.open(dir);
      expect(await app.verified).toBeDefined();
      expect((await app.info()).damage?.problems).toContainEqual(expect.objectContaining({ file, id }));
    },
  );
});

describe('a newer format', () => {
  it('a shard written by a newer Press Archive is reported as such, not as damage', async () => {
    const { file } = await archiveWithOneMore();
    const shard = JSON.parse(await readFile(join(dir, file), 'utf8'));
    await writeFile(join(dir, file), JSON.stringify({ ...shard, formatVersion: 4 }, null, 2));
    const report = await checkArchive(dir);
    expect(report.problems[0]).toEqual({ file, detail: 'written by a newer Press Archive (format 4)' });
    const error = await ArchiveService.open(dir).catch((e: { info: unknown }) => e.info);
    expect(error).toMatchObject({ code: 'newerFormat', params: { version: 4 } });
    expect((await readManifest(dir)).formatVersion).toBe(3);
  });
});

describe('a library that replaces JSON.stringify', () => {
  // The checksum of this clipping as every earlier version wrote it (native JSON.stringify).
  const clipping = {
    id: '0mabcdefghij12345',
    title: 'बाढ़ से घिरे गाँव',
    body: 'पटना। गंगा का जलस्तर बढ़ा।',
    date: '2024-08-14',
    tags: ['बाढ़', 'पटना'],
    language: 'hi',
    addedAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
  } as const;
  const WRITTEN_BEFORE = '75e9ff5bddf8b172bf191cf25eaacb797e786e00c245b919026a610b3712c578';

  it('changes no checksum: pdfjs-dist, loaded in the same process, leaves adds, edits and check in agreement', async () => {
    // pdfjs-dist's legacy build brings core-js, which replaces JSON.stringify with one that keeps an
    // array replacer's keys but not their order.
    await import('pdfjs-dist/legacy/build/pdf.mjs');
    expect(JSON.stringify({ b: 1, a: 2 }, ['a', 'b']), 'the replaced JSON.stringify is in place').toBe('{"b":1,"a":2}');
    const reversed = Object.fromEntries(Object.entries(clipping).reverse());
    expect(recordChecksum(clipping as never)).toBe(WRITTEN_BEFORE);
    expect(recordChecksum(reversed as never)).toBe(WRITTEN_BEFORE);

    const app = await ArchiveService.open(dir);
    const { id } = await app.add({ date: '2024-08-14', tags: ['बाढ़'], body: 'पटना। गंगा उफान पर।', title: 'बाढ़' });
    await app.update({ id, place: 'पटना', title: 'बाढ़ का पानी', author: 'संवाददाता' });
    await app.trash({ id });
    await app.restore({ id });
    expect((await checkArchive(dir)).problems).toEqual([]);
  });
});
