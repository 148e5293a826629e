// Long tasks report their progress through the dispatcher (what both transports forward) and can be
// cancelled; a cancelled import leaves every file of the archive exactly as it was. All on a real
// archive folder on disk. The progress of a PDF export, which needs Chromium, is tested with the
// export (tests/integration/archive/pdf/export-pdf.test.ts).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  type Envelope,
  type ImportReport,
  type Progress,
  type SearchDoc,
} from '../../../archive/api.ts';
import { ArchiveService, type ImportHold } from '../../../archive/service.ts';
import { createDispatcher, type Dispatch } from '../../../archive/transport/dispatch.ts';
import { MAX_UPLOADS } from '../../../archive/import/upload.ts';
import { snapshotFiles } from '../../support/snapshot.ts';
import { tempDir } from '../../support/temp.ts';

const RECORDS = 3000;
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-progress-'));
});
afterEach(() => cleanup());

function ndjson(count: number, from = 0): Uint8Array {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ title: `कतरन ${from + i}`, body: `नगर निगम की योजना, कतरन ${from + i} का पाठ।` }),
  );
  return new TextEncoder().encode(lines.join('\n'));
}

/** A dispatcher that keeps every progress event it is given. */
async function open(options: { importHold?: ImportHold } = {}) {
  const archiveDir = join(dir, 'archive');
  const service = await ArchiveService.open(archiveDir, options);
  const dispatcher = createDispatcher(service);
  const events: Progress[] = [];
  const dispatch: Dispatch = (method, input) => dispatcher(method, input, (event) => events.push(event));
  return { archiveDir, service, dispatch, events };
}

/** importBegin, the bytes in pieces of `piece`, importFinish; each answer unwrapped. */
async function importInPieces(
  dispatch: Dispatch,
  task: string,
  bytes: Uint8Array,
  piece = 16 * 1024,
  name = 'a.ndjson',
) {
  const begun = await dispatch('importBegin', { task, files: [{ name, size: bytes.byteLength }] });
  if (!begun.ok) return begun;
  for (let start = 0; start < bytes.byteLength; start += piece) {
    const sent = await dispatch('importChunk', { task, file: 0, bytes: bytes.subarray(start, start + piece) });
    if (!sent.ok) return sent;
  }
  return dispatch('importFinish', { task });
}

function steps(events: Progress[], step: Progress['step']): Progress[] {
  return events.filter((e) => e.step === step);
}

/** Events of one step never go back, end at their total, and at least one was under way. */
function expectDeterminate(events: Progress[], total: number): void {
  expect(events.length).toBeGreaterThan(1);
  for (const event of events) expect(event.total).toBe(total);
  const done = events.map((e) => e.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(done.at(-1)).toBe(total);
  expect(done.some((d) => d > 0 && d < total)).toBe(true);
}

describe('import progress and cancel', () => {
  it('reports bytes received, records read and clippings added, each out of its total', async () => {
    const { dispatch, events } = await open();
    const bytes = ndjson(RECORDS);
    const answer = (await importInPieces(dispatch, 'import-0001', bytes)) as Envelope<ImportReport>;
    expect(answer).toMatchObject({ ok: true, value: { added: RECORDS, skipped: 0, errors: [] } });
    expect(events.every((e) => e.task === 'import-0001' && e.kind === 'import')).toBe(true);
    expectDeterminate(steps(events, 'bytes'), bytes.byteLength);
    expectDeterminate(steps(events, 'read'), RECORDS);
    expectDeterminate(steps(events, 'added'), RECORDS);
    // Files first, then records read, then added.
    const order = events.map((e) => e.step).filter((s, i, all) => s !== all[i - 1]);
    expect(order).toEqual(['bytes', 'read', 'added']);
  });

  it('a cancelled import leaves every file of the archive byte for byte as it was', async () => {
    let cancel: () => Promise<unknown> = async () => undefined;
    const { archiveDir, dispatch, events } = await open({
      // Halfway through adding: cancel, as the user would, then go on.
      importHold: async (point) => {
        if (point === 'adding') await cancel();
      },
    });
    cancel = () => dispatch('cancelTask', { task: 'import-0002' });
    const before = await snapshotFiles(archiveDir);
    const answer = await importInPieces(dispatch, 'import-0002', ndjson(RECORDS));
    expect(answer).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(steps(events, 'added').some((e) => e.done > 0 && e.done < RECORDS)).toBe(true);
    expect(await snapshotFiles(archiveDir)).toEqual(before);
    // The archive still works, and the same file imports whole afterwards.
    const again = await importInPieces(dispatch, 'import-0003', ndjson(RECORDS));
    expect(again).toMatchObject({ ok: true, value: { added: RECORDS } });
  });

  it('closing the service (the process stopping) cancels a running import and the held verification', async () => {
    let close: () => Promise<unknown> = async () => undefined;
    const held: string[] = [];
    const { archiveDir, service, dispatch } = await open({
      importHold: async (point, signal) => {
        held.push(point);
        if (point === 'adding') await close();
        // The verification waits here until the service is closed, as serve's test hold does.
        if (point === 'verify') await new Promise((stop) => signal.addEventListener('abort', stop, { once: true }));
      },
    });
    close = () => service.close();
    const before = await snapshotFiles(archiveDir);
    const verified = service.verify();
    const answer = await importInPieces(dispatch, 'import-0004', ndjson(RECORDS));
    expect(answer).toEqual({ ok: false, error: { code: 'cancelled' } });
    await expect(verified).resolves.toMatchObject({ clippings: 1 }); // answered, not left hanging
    expect(held).toEqual(expect.arrayContaining(['verify', 'adding']));
    expect(await snapshotFiles(archiveDir)).toEqual(before);
  });

  it('cancelled while the files are on their way: later pieces are refused, nothing is written', async () => {
    const { archiveDir, dispatch } = await open();
    const before = await snapshotFiles(archiveDir);
    const bytes = ndjson(RECORDS);
    const task = 'import-0004';
    await dispatch('importBegin', { task, files: [{ name: 'feed.ndjson', size: bytes.byteLength }] });
    expect(await dispatch('importChunk', { task, file: 0, bytes: bytes.subarray(0, 1000) })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('cancelTask', { task })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await dispatch('importChunk', { task, file: 0, bytes: bytes.subarray(1000, 2000) })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(await dispatch('importFinish', { task })).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await snapshotFiles(archiveDir)).toEqual(before);
  });

  it('names a file that is not UTF-8 and imports the others; refuses a piece beyond the announced size', async () => {
    const { archiveDir, dispatch, service } = await open();
    const before = await snapshotFiles(archiveDir);
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x74]);
    const answer = await dispatch('importBegin', { task: 'import-0005', files: [{ name: 'old.txt', size: 6 }] });
    expect(answer).toEqual({ ok: true, value: { chunkBytes: expect.any(Number), refused: [] } });
    await dispatch('importChunk', { task: 'import-0005', file: 0, bytes: latin1 });
    // The only file cannot be read: the report names it, and nothing is written.
    expect(await dispatch('importFinish', { task: 'import-0005' })).toEqual({
      ok: true,
      value: {
        added: 0,
        skipped: 0,
        addedIds: [],
        errors: [
          { file: 'old.txt', error: { code: 'unreadableFile', params: { file: 'old.txt', detail: 'detail.notUtf8' } } },
        ],
      },
    });
    await dispatch('importBegin', { task: 'import-0006', files: [{ name: 'a.txt', size: 2 }] });
    expect(await dispatch('importChunk', { task: 'import-0006', file: 0, bytes: latin1 })).toMatchObject({
      ok: false,
      error: { code: 'badRequest' },
    });
    expect(await snapshotFiles(archiveDir)).toEqual(before);

    // Beside a good file, the good one is imported.
    const good = ndjson(3);
    const task = 'import-0010';
    await dispatch('importBegin', {
      task,
      files: [
        { name: 'old.txt', size: 6 },
        { name: 'good.ndjson', size: good.byteLength },
      ],
    });
    await dispatch('importChunk', { task, file: 0, bytes: latin1 });
    await dispatch('importChunk', { task, file: 1, bytes: good });
    const report = await dispatch('importFinish', { task });
    expect(report).toMatchObject({ ok: true, value: { added: 3, errors: [{ file: 'old.txt' }] } });
    expect((await service.list()).length).toBe(4);
  });

  it('names a file over the size limit or of a kind it cannot read before any bytes come, and imports the rest', async () => {
    const { dispatch, service, events } = await open();
    const good = ndjson(5);
    const task = 'import-0011';
    const begun = await dispatch('importBegin', {
      task,
      files: [
        { name: 'huge.ndjson', size: MAX_IMPORT_BYTES + 1 },
        { name: 'good.ndjson', size: good.byteLength },
        { name: 'scan.docx', size: 10 },
      ],
    });
    // Files 0 and 2 are refused: none of their bytes may come, and they count for nothing in the progress.
    expect(begun).toEqual({ ok: true, value: { chunkBytes: expect.any(Number), refused: [0, 2] } });
    expect(steps(events, 'bytes')[0]).toMatchObject({ done: 0, total: good.byteLength });
    expect(await dispatch('importChunk', { task, file: 0, bytes: good })).toMatchObject({
      ok: false,
      error: { code: 'badRequest' },
    });
    await dispatch('importChunk', { task, file: 1, bytes: good });
    const report = (await dispatch('importFinish', { task })) as Envelope<ImportReport>;
    expect(report).toMatchObject({
      ok: true,
      value: {
        added: 5,
        errors: [
          { file: 'huge.ndjson', error: { code: 'fileTooLarge', params: { file: 'huge.ndjson', max: 200 } } },
          { file: 'scan.docx', error: { code: 'unsupportedFile', params: { file: 'scan.docx' } } },
        ],
      },
    });
    expect((await service.list()).length).toBe(6);
  });

  it('imports left unfinished (a page closed meanwhile) never block new ones: the oldest is dropped', async () => {
    const { dispatch } = await open();
    const files = [{ name: 'a.ndjson', size: 10 }];
    let waiting: Promise<Envelope<unknown>> | undefined;
    for (let i = 0; i < MAX_UPLOADS + 2; i++) {
      expect(await dispatch('importBegin', { task: `abandoned-${i}`, files })).toMatchObject({ ok: true });
      // The search worker's question about the first one is answered when it is dropped.
      waiting ??= dispatch('importingCorpus', { task: 'abandoned-0' });
    }
    expect(await waiting).toEqual({ ok: true, value: [] });
    expect(await dispatch('importChunk', { task: 'abandoned-0', file: 0, bytes: ndjson(1) })).toMatchObject({
      ok: false,
      error: { code: 'badRequest' },
    });
    const answer = await importInPieces(dispatch, 'import-0009', ndjson(10));
    expect(answer).toMatchObject({ ok: true, value: { added: 10 } });
  });

  it('splits a Devanagari letter across pieces without harm (the archive decodes as the bytes come)', async () => {
    const { dispatch, service } = await open();
    const bytes = new TextEncoder().encode('गंगा में बढ़ा जलस्तर\nपटना में गंगा का जलस्तर ख़तरे के निशान के पार।');
    const answer = await importInPieces(dispatch, 'import-0007', bytes, 7, 'news.txt'); // 7 bytes: mid-letter
    expect(answer).toMatchObject({ ok: true, value: { added: 1 } });
    const [added] = await service.list();
    expect(added!.title).toBe('गंगा में बढ़ा जलस्तर');
  });

  it('importFiles (the CLI and one-call form) reports read and added too', async () => {
    const { dispatch, events } = await open();
    const content = new TextDecoder().decode(ndjson(RECORDS));
    const answer = await dispatch('importFiles', { task: 'import-0008', files: [{ name: 'a.ndjson', content }] });
    expect(answer).toMatchObject({ ok: true, value: { added: RECORDS } });
    expectDeterminate(steps(events, 'added'), RECORDS);
  });
});

describe('progress of the other long tasks', () => {
  async function withClippings(count: number) {
    const opened = await open();
    const content = new TextDecoder().decode(ndjson(count));
    await opened.dispatch('importFiles', { files: [{ name: 'a.ndjson', content }] });
    opened.events.length = 0;
    return opened;
  }

  it('export of the whole archive or of chosen clippings', async () => {
    const { dispatch, events, service } = await withClippings(RECORDS);
    const ids = (await service.list()).map((c) => c.id);
    const answer = await dispatch('exportData', { format: 'ndjson', ids, task: 'export-0001' });
    expect(answer).toMatchObject({ ok: true, value: { count: ids.length } });
    expectDeterminate(steps(events, 'written'), ids.length);
    expect(events.every((e) => e.kind === 'exportData' && e.task === 'export-0001')).toBe(true);
  });

  it('backup to a file, the same text as before, and restore from it', async () => {
    const { dispatch, events, service } = await withClippings(RECORDS);
    const total = (await service.info()).clippings + (await service.info()).trashed;
    const backup = await dispatch('backupFile', { task: 'backup-0001' });
    if (!backup.ok) throw new Error(JSON.stringify(backup.error));
    const { content } = backup.value as { content: string };
    // Written clipping by clipping, yet exactly the pretty-printed JSON it always was.
    expect(content).toBe(JSON.stringify(JSON.parse(content), null, 2) + '\n');
    expectDeterminate(steps(events, 'written'), total);
    expect(events.every((e) => e.kind === 'backup')).toBe(true);

    events.length = 0;
    const restored = await dispatch('restoreFile', { name: 'b.json', content, task: 'restore-0001' });
    expect(restored).toMatchObject({ ok: true, value: { restored: total } });
    expectDeterminate(steps(events, 'read'), total);
    expect(steps(events, 'written').map((e) => e.done)).toEqual([0, total]);
    expect(events.every((e) => e.kind === 'restore')).toBe(true);
  });

  it('restore from a snapshot reports its start and end', async () => {
    const { dispatch, events, service } = await withClippings(10);
    const snapshot = await service.takeBackup();
    const answer = await dispatch('restoreBackup', { name: snapshot.name, task: 'restore-0002' });
    expect(answer.ok).toBe(true);
    expect(events.map((e) => [e.kind, e.step, e.done, e.total])).toEqual([
      ['restore', 'written', 0, 1],
      ['restore', 'written', 1, 1],
    ]);
  });

  it('a cancelled restore changes nothing on disk', async () => {
    const { dispatch, archiveDir } = await withClippings(RECORDS);
    const backup = await dispatch('backupFile', {});
    const { content } = (backup as { value: { content: string } }).value;
    const before = await snapshotFiles(archiveDir);
    await dispatch('cancelTask', { task: 'restore-0003' }); // overtakes the call it cancels
    expect(await dispatch('restoreFile', { name: 'b.json', content, task: 'restore-0003' })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(await snapshotFiles(archiveDir)).toEqual(before);
  });
});

describe('the clippings an import adds, handed out while it writes them (importingCorpus)', () => {
  it('asked as the import begins: the clippings it adds, with their ids, before the import has answered', async () => {
    const { service, dispatch } = await open();
    const task = 'import-0101';
    const bytes = ndjson(RECORDS);
    await dispatch('importBegin', { task, files: [{ name: 'feed.ndjson', size: bytes.byteLength }] });
    const settled: string[] = [];
    const corpus = dispatch('importingCorpus', { task }).then((answer) => {
      settled.push('importingCorpus');
      return answer as Envelope<SearchDoc[]>;
    });
    // Asked with bounds the import falls outside of: nothing is sent.
    const tooFew = dispatch('importingCorpus', { task, fewest: RECORDS + 1 });
    const tooMany = dispatch('importingCorpus', { task, most: RECORDS - 1 });
    const within = dispatch('importingCorpus', { task, fewest: RECORDS, most: RECORDS });
    for (let start = 0; start < bytes.byteLength; start += 64 * 1024) {
      await dispatch('importChunk', { task, file: 0, bytes: bytes.subarray(start, start + 64 * 1024) });
    }
    const finished = (await dispatch('importFinish', { task }).then((answer) => {
      settled.push('importFinish');
      return answer;
    })) as Envelope<ImportReport>;
    const handed = await corpus;
    expect(settled).toEqual(['importingCorpus', 'importFinish']);
    if (!finished.ok || !handed.ok) throw new Error('import or importingCorpus failed');
    expect(handed.value.map((d) => d.id).sort()).toEqual([...finished.value.addedIds].sort());
    // Exactly what the archive holds now: the search worker indexes these instead of asking again.
    const byId = (a: SearchDoc, b: SearchDoc) => a.id.localeCompare(b.id);
    const stored = (await service.searchCorpus({})).filter((d) => finished.value.addedIds.includes(d.id));
    expect([...handed.value].sort(byId)).toEqual(stored.sort(byId));
    expect(handed.value.find((d) => d.title === 'कतरन 7')?.body).toBe('नगर निगम की योजना, कतरन 7 का पाठ।');
    expect(await tooFew).toEqual({ ok: true, value: [] });
    expect(await tooMany).toEqual({ ok: true, value: [] });
    expect(await within).toEqual(handed);
    // Over: nothing is held for it any more.
    expect(await dispatch('importingCorpus', { task })).toEqual({ ok: true, value: [] });
  });

  it('an import cancelled, one that adds nothing, and a task unknown to the archive: nothing handed out', async () => {
    let cancel: () => Promise<unknown> = async () => undefined;
    const { dispatch } = await open({
      importHold: async (point) => {
        if (point === 'adding') await cancel();
      },
    });
    const task = 'import-0102';
    cancel = () => dispatch('cancelTask', { task });
    const bytes = ndjson(RECORDS);
    await dispatch('importBegin', { task, files: [{ name: 'feed.ndjson', size: bytes.byteLength }] });
    const corpus = dispatch('importingCorpus', { task });
    await dispatch('importChunk', { task, file: 0, bytes });
    expect(await dispatch('importFinish', { task })).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await corpus).toEqual({ ok: true, value: [] });

    // Every record already in the archive: nothing is added.
    const duplicates = ndjson(1);
    await importInPieces(dispatch, 'import-0104', duplicates);
    const again = 'import-0105';
    await dispatch('importBegin', { task: again, files: [{ name: 'feed.ndjson', size: duplicates.byteLength }] });
    const none = dispatch('importingCorpus', { task: again });
    await dispatch('importChunk', { task: again, file: 0, bytes: duplicates });
    expect(await dispatch('importFinish', { task: again })).toMatchObject({
      ok: true,
      value: { added: 0, skipped: 1 },
    });
    expect(await none).toEqual({ ok: true, value: [] });

    expect(await dispatch('importingCorpus', { task: 'import-0199' })).toEqual({ ok: true, value: [] });
  });
});
