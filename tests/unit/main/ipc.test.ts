// The IPC transport: one handler per API method, sender checks, and calls reaching the real
// service on a real folder through the dispatcher.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { API_METHODS, IPC_BYTES_CHANNEL, IPC_PREFIX, IPC_PROGRESS_CHANNEL } from '../../../archive/api-methods.ts';
import type { ErrorInfo, FieldError } from '../../../archive/errors.ts';
import { ArchiveService } from '../../../archive/service.ts';
import { createDispatcher } from '../../../archive/transport/dispatch.ts';
import { isTrustedSender, registerIpcHandlers } from '../../../main/ipc.ts';
import { fakeInvokeEvent, ipcMain, recorded, resetStandIn, type SentMessage } from '../../support/electron-stand-in.ts';

const APP_PAGE = 'app://press-archive/index.html';
let dir: string;
let service: ArchiveService;

/** A loose view of an envelope, enough for assertions. */
type Answer = { ok: boolean; value: { id: string; body: string }; error: ErrorInfo & { fields: FieldError[] } };

function call(method: string, input: unknown, event: unknown = fakeInvokeEvent(APP_PAGE)): Promise<Answer> {
  const handler = recorded.ipcHandlers.get(IPC_PREFIX + method);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler(event, input);
}

beforeEach(async () => {
  resetStandIn();
  dir = await mkdtemp(join(tmpdir(), 'press-archive-ipc-'));
  service = await ArchiveService.open(join(dir, 'archive'));
  registerIpcHandlers(createDispatcher(service));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('IPC handlers', () => {
  it('registers exactly one handler per API method, on its prefixed channel, and one for answers as bytes', () => {
    expect(ipcMain.handle).toHaveBeenCalledTimes(API_METHODS.length + 1);
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(new Set(channels).size).toBe(channels.length);
    expect([...channels].sort()).toEqual([...API_METHODS.map((m) => IPC_PREFIX + m), IPC_BYTES_CHANNEL].sort());
  });

  it('answers the list and the corpus as the envelope in UTF-8 JSON bytes, and nothing else', async () => {
    const bytes = recorded.ipcHandlers.get(IPC_BYTES_CHANNEL)!;
    const decode = (answer: unknown) => {
      expect(answer).toBeInstanceOf(Uint8Array);
      return JSON.parse(new TextDecoder().decode(answer as Uint8Array)) as Answer & { value: { id: string }[] };
    };
    const list = decode(await bytes(fakeInvokeEvent(APP_PAGE), 'list', {}));
    expect(list.ok).toBe(true);
    expect(list.value).toEqual(await service.list());
    const corpus = decode(await bytes(fakeInvokeEvent(APP_PAGE), 'searchCorpus', { ids: [list.value[0]!.id] }));
    expect(corpus).toEqual({ ok: true, value: await service.searchCorpus({ ids: [list.value[0]!.id] }) });
    // A method that changes the archive is never called this way, and a foreign page gets nothing.
    const refused = decode(await bytes(fakeInvokeEvent(APP_PAGE), 'emptyTrash', {}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    const foreign = decode(await bytes(fakeInvokeEvent('https://example.com/'), 'list', {}));
    expect(foreign).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    const invalid = decode(await bytes(fakeInvokeEvent(APP_PAGE), 'searchCorpus', { ids: 'all' }));
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('lets the app page add a clipping and read it back from the real archive', async () => {
    const added = await call('add', { title: 'दिल्ली में बारिश', body: 'पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।', tags: ['मौसम'] });
    expect(added.ok).toBe(true);
    const id = added.value.id;
    expect(id).toMatch(/^[0-9a-z]{8,40}$/);

    const fetched = await call('get', { id });
    expect(fetched).toEqual({ ok: true, value: added.value });
    expect(fetched.value.body).toBe('पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।');

    // It is on disk: a fresh service on the same folder sees it (next to the seed clipping).
    const reopened = await ArchiveService.open(join(dir, 'archive'));
    const listed = await reopened.list();
    expect(listed.map((c) => c.id)).toContain(id);
    expect(listed).toHaveLength(2);
  });

  it.each([
    ['another origin', fakeInvokeEvent('https://example.com/')],
    ['a file: page', fakeInvokeEvent('file:///work/main/out/renderer/index.html')],
    ['another app: host', fakeInvokeEvent('app://evil/index.html')],
    ['a subframe of the app page', fakeInvokeEvent(APP_PAGE, { subframe: true })],
    ['a destroyed frame', fakeInvokeEvent(null)],
    ['a malformed URL', fakeInvokeEvent('not a url')],
  ])('refuses %s with a badRequest envelope and changes nothing', async (_label, event) => {
    const before = await service.list();
    const answer = await call('add', { title: 'T', body: 'B' }, event);
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('badRequest');
    expect(await service.list()).toEqual(before);
    const read = await call('list', {}, event);
    expect(read).toMatchObject({ ok: false, error: { code: 'badRequest' } });
  });

  it('returns validation envelopes for invalid arguments', async () => {
    const noTitle = await call('add', { title: '   ', body: 'text' });
    expect(noTitle).toEqual({
      ok: false,
      error: { code: 'validation', fields: [{ field: 'title', code: 'required' }] },
    });

    const unknownField = await call('add', { title: 'T', body: 'B', evil: true });
    expect(unknownField.ok).toBe(false);
    expect(unknownField.error.code).toBe('validation');
    expect(unknownField.error.fields).toContainEqual({ field: 'evil', code: 'unknownField' });

    const badId = await call('get', { id: '../../etc/passwd' });
    expect(badId).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ field: 'id', code: 'badId' }] } });

    const notAnObject = await call('get', 'abc');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers service errors as envelopes, not exceptions', async () => {
    const missing = await call('get', { id: 'zzzzzzzzzzzz' });
    expect(missing).toEqual({ ok: false, error: { code: 'notFound', params: { id: 'zzzzzzzzzzzz' } } });
  });
});

describe('isTrustedSender', () => {
  it('accepts only the main frame of app://press-archive', () => {
    expect(isTrustedSender(fakeInvokeEvent(APP_PAGE) as never)).toBe(true);
    expect(isTrustedSender(fakeInvokeEvent('app://press-archive/') as never)).toBe(true);
    expect(isTrustedSender(fakeInvokeEvent('app://press-archive.evil.com/index.html') as never)).toBe(false);
    expect(isTrustedSender(fakeInvokeEvent('app://user:pw@press-archive/index.html') as never)).toBe(false);
    expect(isTrustedSender(fakeInvokeEvent('http://press-archive/index.html') as never)).toBe(false);
    expect(isTrustedSender(fakeInvokeEvent(APP_PAGE, { subframe: true }) as never)).toBe(false);
  });
});

describe('progress over IPC', () => {
  it('sends a long call’s progress to the window that made it, on the progress channel', async () => {
    const sent: SentMessage[] = [];
    const event = fakeInvokeEvent(APP_PAGE, { sent });
    const content = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify({ title: `शीर्षक ${i}`, body: `पाठ ${i}` }),
    ).join('\n');
    const answer = await call('importFiles', { task: 'import-ipc-1', files: [{ name: 'a.ndjson', content }] }, event);
    expect(answer.ok).toBe(true);
    expect(sent.every(([channel]) => channel === IPC_PROGRESS_CHANNEL)).toBe(true);
    const added = sent.map(([, value]) => value as { step: string; done: number }).filter((e) => e.step === 'added');
    expect(added.map((e) => e.done)).toEqual([0, 500, 1000, 1200]);
    expect(sent[0]![1]).toMatchObject({ task: 'import-ipc-1', kind: 'import', step: 'read', total: 1200 });
  });

  it('sends nothing for a call that names no task', async () => {
    const sent: SentMessage[] = [];
    await call('list', {}, fakeInvokeEvent(APP_PAGE, { sent }));
    expect(sent).toEqual([]);
  });
});
