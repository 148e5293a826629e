import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { TOKEN_HEADER, startWebServer, type WebServer } from '../../../../archive/transport/http-server.ts';
import { rawRequest, type RawOptions } from '../../../support/raw-request.ts';
import { tempDir } from '../../../support/temp.ts';

let server: WebServer;
let origin: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const rendererDir = join(temp.dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="/assets/app.js"></script></head></html>',
  );
  await writeFile(join(rendererDir, 'assets/app.js'), 'console.log(1)');
  await writeFile(join(temp.dir, 'secret.txt'), 'outside');
  const service = await ArchiveService.open(join(temp.dir, 'archive'));
  server = await startWebServer({ dispatch: createDispatcher(service), rendererDir });
  origin = new URL(server.url).origin;
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

/** A raw request to the server under test. */
const raw = (path: string, options: RawOptions = {}) => rawRequest(new URL(origin).port, path, options);

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: JSON.stringify(body),
  });

describe('press-archive serve transport', () => {
  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('answers API calls with envelopes', async () => {
    const list = await api('list', {});
    expect(list.status).toBe(200);
    const envelope = JSON.parse(list.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.value).toHaveLength(1);
    const bad = JSON.parse((await api('add', { title: '', body: 'x' })).body);
    expect(bad).toEqual({ ok: false, error: { code: 'validation', fields: [{ field: 'title', code: 'required' }] } });
    const unknown = JSON.parse((await api('deleteEverything', {})).body);
    expect(unknown.error.code).toBe('badRequest');
  });

  it('answers the list and the corpus as bytes when asked (the page hands them to its worker unread)', async () => {
    const asBytes = { accept: 'application/octet-stream' };
    const list = await api('list', {}, asBytes);
    expect(list.status).toBe(200);
    expect(list.headers['content-type']).toBe('application/octet-stream');
    expect(JSON.parse(list.body)).toEqual(JSON.parse((await api('list', {})).body));
    const corpus = await api('searchCorpus', { ids: 'all' }, asBytes);
    expect(JSON.parse(corpus.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    // Any other method answers as JSON, whatever it is asked for.
    const vocabulary = await api('vocabulary', {}, asBytes);
    expect(vocabulary.headers['content-type']).toMatch(/^application\/json/);
  });

  it('rejects calls without the token, with a wrong token, or from another origin', async () => {
    expect((await api('list', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    // The token with its last character changed (a random token may end in 'x' already).
    const wrong = server.token.slice(0, -1) + (server.token.endsWith('x') ? 'y' : 'x');
    expect((await api('list', {}, { [TOKEN_HEADER]: wrong })).status).toBe(401);
    expect((await api('list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('list', {}, { origin })).status).toBe(200);
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    expect((await raw('/', { headers: { host: `evil.example:${new URL(origin).port}` } })).status).toBe(421);
    expect((await api('list', {}, { host: 'evil.example' })).status).toBe(421);
  });

  it('serves the renderer with the bridge first and a strict CSP', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body.indexOf('/web-bridge.js')).toBeLessThan(page.body.indexOf('/assets/app.js'));
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('serves no file outside the renderer folder and lists no folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/',
      '/assets',
    ]) {
      const response = await raw(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside');
    }
  });

  it('refuses other methods on the API and on files', async () => {
    expect((await raw('/api/list', { headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405);
    expect((await raw('/index.html', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('progress as server-sent events, and an import sent as bytes', () => {
  const post = (method: string, body: BodyInit, headers: Record<string, string>) =>
    fetch(`${origin}/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token, ...headers }, body });

  /** The events of a text/event-stream answer: [name, data] in order. */
  function events(text: string): [string, unknown][] {
    return text
      .split('\n\n')
      .filter((block) => block.trim() !== '')
      .map((block) => [/^event: (.*)$/m.exec(block)![1]!, JSON.parse(/^data: (.*)$/m.exec(block)![1]!)]);
  }

  it('streams a long call’s progress, then its answer, on the same response', async () => {
    const task = 'import-http-1';
    const text = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ title: `शीर्षक ${i}`, body: `पाठ ${i}` })).join(
      '\n',
    );
    const bytes = new TextEncoder().encode(text);
    const json = { 'content-type': 'application/json', accept: 'text/event-stream' };
    const begun = await post(
      'importBegin',
      JSON.stringify({ task, files: [{ name: 'a.ndjson', size: bytes.length }] }),
      json,
    );
    expect(begun.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(events(await begun.text())).toEqual([
      ['progress', { task, kind: 'import', step: 'bytes', done: 0, total: bytes.length }],
      ['result', { ok: true, value: { chunkBytes: 1024 * 1024, refused: [] } }],
    ]);
    // The bytes are the body; the other fields ride in a header.
    const sent = await post('importChunk', bytes, {
      'content-type': 'application/octet-stream',
      accept: 'text/event-stream',
      'x-press-archive-input': encodeURIComponent(JSON.stringify({ task, file: 0 })),
    });
    expect(events(await sent.text()).at(-1)).toEqual(['result', { ok: true, value: { received: bytes.length } }]);
    const finished = events(await (await post('importFinish', JSON.stringify({ task }), json)).text());
    const steps = finished.filter(([name]) => name === 'progress').map(([, e]) => e as { step: string; done: number });
    expect(steps.filter((e) => e.step === 'added').map((e) => e.done)).toEqual([0, 500, 1000, 1200]);
    expect(finished.at(-1)).toMatchObject(['result', { ok: true, value: { added: 1200, skipped: 0 } }]);
  });

  it('takes bytes only for importChunk, and only with the token from its own origin', async () => {
    const headers = { 'content-type': 'application/octet-stream', 'x-press-archive-input': '%7B%7D' };
    expect((await post('add', 'x', headers)).status).toBe(415);
    const noToken = await fetch(`${origin}/api/importChunk`, { method: 'POST', headers, body: 'x' });
    expect(noToken.status).toBe(401);
    const foreign = await post('importChunk', 'x', { ...headers, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const bad = await post('importChunk', 'x', { ...headers, 'x-press-archive-input': '%7Bnot json' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    // Bytes for an import nobody began: refused by the service.
    const orphan = await post('importChunk', 'x', {
      ...headers,
      'x-press-archive-input': encodeURIComponent(JSON.stringify({ task: 'import-nobody', file: 0 })),
    });
    expect(await orphan.json()).toMatchObject({ ok: false, error: { code: 'badRequest' } });
  });
});
