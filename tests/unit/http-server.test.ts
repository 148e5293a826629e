import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../archive/service.ts';
import { createDispatcher } from '../../archive/transport/dispatch.ts';
import { TOKEN_HEADER, startWebServer, type WebServer } from '../../archive/transport/http-server.ts';
import { rawRequest, type RawOptions } from '../support/raw-request.ts';
import { tempDir } from '../support/temp.ts';

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

  it('rejects calls without the token, with a wrong token, or from another origin', async () => {
    expect((await api('list', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await api('list', {}, { [TOKEN_HEADER]: server.token.slice(0, -1) + 'x' })).status).toBe(401);
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
