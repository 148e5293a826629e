// `press-archive serve` hardening, beyond tests/unit/archive/transport/http-server.test.ts: the token on every API method
// (and only in its header), Origin and Host checks, no CORS, no listing, no way out of the renderer
// folder (symbolic links included), 127.0.0.1 only, a new token each run.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../../archive/api-methods.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { TOKEN_HEADER, startWebServer, type WebServer } from '../../../../archive/transport/http-server.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { rawRequest, type RawOptions } from '../../../support/raw-request.ts';
import { tempDir } from '../../../support/temp.ts';

let server: WebServer;
let port: string;
let archiveDir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir('press-archive-serve-');
  cleanup = temp.cleanup;
  const rendererDir = join(temp.dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="/a.js"></script></head></html>',
  );
  await writeFile(join(rendererDir, 'web-bridge.js'), 'export {}');
  await writeFile(join(temp.dir, 'secret.txt'), 'outside the renderer');
  await symlink(join(temp.dir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  await symlink(temp.dir, join(rendererDir, 'up'));
  archiveDir = join(temp.dir, 'archive');
  const service = await ArchiveService.open(archiveDir);
  server = await startWebServer({ dispatch: createDispatcher(service), rendererDir });
  port = new URL(server.url).port;
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

/** A raw request to the server under test. */
const raw = (path: string, options: RawOptions = {}) => rawRequest(port, path, options);

const call = (method: string, headers: Record<string, string>, body: unknown = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the token', () => {
  it('is required by every API method, in its header only; refused calls change nothing', async () => {
    const before = await snapshotFiles(archiveDir);
    const inputs: Record<string, unknown> = { add: { title: 'बिना टोकन', body: 'यह नहीं जुड़ना चाहिए।' } };
    for (const method of API_METHODS) {
      const input = inputs[method] ?? {};
      expect((await call(method, {}, input)).status, `${method} without a token`).toBe(401);
      expect((await call(method, { [TOKEN_HEADER]: 'x'.repeat(server.token.length) }, input)).status).toBe(401);
      expect((await call(method, { [TOKEN_HEADER]: server.token.slice(1) }, input)).status).toBe(401);
      expect((await call(method, { cookie: `token=${server.token}` }, input)).status).toBe(401);
      const inQuery = await raw(`/api/${method}?token=${server.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      expect(inQuery.status, `${method} with the token in the address`).toBe(401);
    }
    expect((await call('noSuchMethod', {})).status).toBe(401); // refused before anything is looked up
    expect(await snapshotFiles(archiveDir)).toEqual(before);
    expect((await call('list', { [TOKEN_HEADER]: server.token })).status).toBe(200);
  });

  it('is long, random and new on every run, and never part of a page the server sends', async () => {
    const other = await startWebServer({ dispatch: async () => ({ ok: true, value: null }), rendererDir: archiveDir });
    try {
      expect(other.token).not.toBe(server.token);
      expect(Buffer.from(server.token, 'base64url').length).toBeGreaterThanOrEqual(24);
    } finally {
      await other.close();
    }
    for (const path of ['/', '/index.html', '/web-bridge.js']) {
      const page = await raw(path);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain(server.token);
    }
  });
});

describe('Origin and Host (other sites, DNS rebinding)', () => {
  const withToken = (headers: Record<string, string>) => call('list', { [TOKEN_HEADER]: server.token, ...headers });

  it('refuses API calls from any other origin, even with the token', async () => {
    for (const origin of [
      'null',
      'https://evil.example',
      `http://127.0.0.1:${Number(port) + 1}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1.evil.example:${port}`,
    ]) {
      expect((await withToken({ origin })).status, origin).toBe(403);
    }
    expect((await withToken({ origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await withToken({ origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('refuses requests for any other host name, pages included', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, '127.0.0.1', `127.0.0.1:1`]) {
      expect((await raw('/', { headers: { host } })).status, host).toBe(421);
      expect((await withToken({ host })).status, host).toBe(421);
    }
  });

  it('allows no cross-origin reads: no CORS headers, no preflight', async () => {
    const answer = await withToken({ origin: `http://127.0.0.1:${port}` });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw('/api/list', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).not.toBe(204);
    expect(preflight.status).not.toBe(200);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends its security headers with every answer, refusals included', async () => {
    for (const answer of [await raw('/'), await raw('/nothing-here'), await call('list', {})]) {
      expect(String(answer.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('files', () => {
  it('lists no folder and serves nothing outside the renderer folder, symbolic links included', async () => {
    for (const path of [
      '/assets/',
      '/assets',
      '/up/secret.txt',
      '/assets/link.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/index.html%00.js',
      '//etc/passwd',
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('outside the renderer');
    }
  });

  it('refuses to write files', async () => {
    for (const method of ['PUT', 'DELETE', 'POST', 'PATCH']) {
      const answer = await raw('/index.html', { method, headers: { 'content-length': '1' }, body: 'x' }).catch(
        (error: Error) => ({ status: error.message }),
      );
      expect(answer.status, method).toBe(405);
    }
  });
});

describe('the network', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: Number(port) });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });
});
