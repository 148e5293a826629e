// Files on disk imported as the page imports its files (importBegin, pieces, importFinish), through
// the real dispatcher and service on a real archive folder: what the desktop menu's Import… uses.
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_BYTES, type Progress } from '../../../../archive/api.ts';
import { importPaths } from '../../../../archive/import/import-paths.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { createDispatcher, type Dispatch } from '../../../../archive/transport/dispatch.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { tempDir } from '../../../support/temp.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-import-paths-'));
});
afterEach(() => cleanup());

/** An NDJSON file of `count` clippings, a little over `count` × 200 bytes. */
async function ndjson(name: string, count: number): Promise<string> {
  const path = join(dir, name);
  const line = (i: number) => JSON.stringify({ title: `कतरन ${i}`, body: `नगर निगम की योजना ${i}: `.repeat(4) });
  await writeFile(path, Array.from({ length: count }, (_, i) => line(i)).join('\n'));
  return path;
}

describe('importPaths', () => {
  it('sends each file in pieces as one task with progress, names the files it cannot import and adds the rest', async () => {
    const service = await ArchiveService.open(join(dir, 'archive'));
    const dispatch = createDispatcher(service);
    const big = await ndjson('big.ndjson', 8000); // more than one piece
    const huge = join(dir, 'huge.ndjson');
    await writeFile(huge, '');
    await truncate(huge, 300 * 1024 * 1024); // sparse: never read
    const folder = join(dir, 'folder.txt');
    await mkdir(folder);
    const latin1 = join(dir, 'old.txt');
    await writeFile(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    const docx = join(dir, 'scan.docx');
    await writeFile(docx, 'x');
    const events: Progress[] = [];

    const answer = await importPaths(dispatch, [big, huge, folder, latin1, docx], {
      task: 'menu-import-1',
      progress: (event) => events.push(event),
    });

    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.added).toBe(8000);
    expect(answer.value.errors.map((e) => [e.file, e.error.code])).toEqual([
      ['folder.txt', 'notAFile'],
      ['huge.ndjson', 'fileTooLarge'],
      ['old.txt', 'unreadableFile'],
      ['scan.docx', 'unsupportedFile'],
    ]);
    expect((await service.list()).length).toBe(8001);
    // One task: bytes received of all (more than one piece), then records read and added.
    expect(new Set(events.map((e) => e.task))).toEqual(new Set(['menu-import-1']));
    const bytes = events.filter((e) => e.step === 'bytes');
    expect(bytes.length).toBeGreaterThan(2);
    expect(bytes.at(-1)!.total).toBeGreaterThan(IMPORT_CHUNK_BYTES);
    expect(bytes.at(-1)!.done).toBe(bytes.at(-1)!.total);
    expect(events.filter((e) => e.step === 'added').at(-1)).toMatchObject({ done: 8000, total: 8000 });
  });

  it('cancelled while its pieces are on their way, it adds nothing: the archive is as before', async () => {
    const service = await ArchiveService.open(join(dir, 'archive'));
    const dispatcher = createDispatcher(service);
    const archiveBefore = await snapshotFiles(join(dir, 'archive'));
    const big = await ndjson('big.ndjson', 8000);
    // The user presses Cancel once the first piece has come (as the window's Cancel calls cancelTask).
    const dispatch: Dispatch = async (method, input, progress) => {
      const answer = await dispatcher(method, input, progress);
      if (method === 'importChunk') await dispatcher('cancelTask', { task: 'menu-import-2' });
      return answer;
    };
    const answer = await importPaths(dispatch, [big], { task: 'menu-import-2' });
    expect(answer).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await snapshotFiles(join(dir, 'archive'))).toEqual(archiveBefore);
  });

  it('only files it cannot send: the report names them and nothing is written', async () => {
    const service = await ArchiveService.open(join(dir, 'archive'));
    const before = await snapshotFiles(join(dir, 'archive'));
    const answer = await importPaths(createDispatcher(service), [join(dir, 'missing.txt')], { task: 'menu-import-3' });
    expect(answer).toMatchObject({
      ok: true,
      value: { added: 0, errors: [{ file: 'missing.txt', error: { code: 'unreadableFile' } }] },
    });
    expect(await snapshotFiles(join(dir, 'archive'))).toEqual(before);
  });
});
