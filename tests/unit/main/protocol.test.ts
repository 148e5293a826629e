// app://press-archive serves out/renderer only: confined paths, MIME types, CSP on every answer.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  handleAppProtocol,
  registerAppScheme,
  resolveRequestPath,
} from '../../../main/protocol.ts';
import { protocol, recorded, resetStandIn } from '../../support/electron-stand-in.ts';

let dir: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

const get = (url: string) => serve(new Request(url));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'press-archive-protocol-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Press Archive</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(root, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'assets', 'data.json'), '{}');
  // A secret next to the served folder, and a link inside it that points there.
  await writeFile(join(dir, 'secret.txt'), 'SECRET');
  await symlink(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
  serve = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => resetStandIn());

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

describe('app:// protocol', () => {
  it('serves index.html with a strict Content-Security-Policy', async () => {
    const response = await get('app://press-archive/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Press Archive</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    expect(
      csp
        .split(';')
        .map((d) => d.trim())
        .sort(),
    ).toEqual([...DIRECTIVES].sort());
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('serves index.html for the bare origin', async () => {
    const response = await get('app://press-archive/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>');
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/icon.svg', 'image/svg+xml'],
    ['assets/data.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(`app://press-archive/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://press-archive/../../etc/passwd',
    'app://press-archive/%2e%2e/%2e%2e/etc/passwd',
    'app://press-archive/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://press-archive/%2e%2e%2fsecret.txt',
    'app://press-archive/..%2fsecret.txt',
    'app://press-archive/assets/..%2f..%2fsecret.txt',
    'app://press-archive/%2e%2e%5csecret.txt',
    'app://press-archive/..%5c..%5csecret.txt',
    'app://press-archive/%2fetc%2fpasswd',
    // Encoded dot segments are refused even when they would land inside the folder.
    'app://press-archive/assets/..%2findex.html',
    'app://press-archive/index.html%00.js',
    'app://press-archive/assets/link.txt',
    'app://press-archive/assets',
    'app://press-archive/missing.js',
    'app://evil/index.html',
    'app://press-archive/%E0%A4',
  ])('refuses %s with 404 (and still sends the CSP)', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('root:');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers only GET and HEAD', async () => {
    const post = await serve(new Request('app://press-archive/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const head = await serve(new Request('app://press-archive/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
  });

  it('resolveRequestPath confines raw paths to the folder', () => {
    expect(resolveRequestPath(root, 'app://press-archive/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveRequestPath(root, 'app://press-archive/%2e%2e%2fsecret.txt')).toBeUndefined();
    // Plain dot segments are removed by URL parsing and clamped at the root: they stay inside.
    expect(resolveRequestPath(root, 'app://press-archive/a/%2e%2e/%2e%2e/%2e%2e/secret.txt')).toBe(
      join(root, 'secret.txt'),
    );
    expect(resolveRequestPath(root, 'app://press-archive/C:%5cWindows%5cwin.ini')).toBeUndefined();
    expect(resolveRequestPath(root, 'https://press-archive/index.html')).toBeUndefined();
  });

  it('registers app: as a privileged standard secure scheme and handles it', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    handleAppProtocol(root);
    expect(recorded.protocolHandlers.has('app')).toBe(true);
  });
});
