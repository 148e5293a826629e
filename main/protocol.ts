// app://press-archive/… serves the built renderer (out/renderer) and nothing else, every response
// with a strict Content-Security-Policy. Paths are resolved and confined to the renderer folder.
import { realpath, readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, MIME_TYPES, mimeType } from '../archive/transport/renderer-content.ts';
import { APP_HOST, APP_SCHEME } from './origin.ts';

export { CONTENT_SECURITY_POLICY, MIME_TYPES, mimeType };

/** Must run before the app is ready: makes app:// a standard, secure origin (fetch, workers, modules). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/**
 * The file under `root` that a request URL names, or undefined when the URL is not ours or its path
 * leaves the folder (.., encoded ../ or \, NUL, drive letters…).
 */
export function resolveRequestPath(root: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || /^[a-zA-Z]:/.test(s))) return undefined;
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return isInside(base, file) ? file : undefined;
}

function isInside(base: string, file: string): boolean {
  const rel = relative(base, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function respond(status: number, body: BodyInit | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

const notFound = () => respond(404, 'Not found', 'text/plain; charset=utf-8');

/** The protocol handler: a pure function of the request and the folder, so it can be tested. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    const file = resolveRequestPath(root, request.url);
    if (file === undefined) return notFound();
    try {
      // Symbolic links must not lead out of the folder either.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
      return respond(200, body, mimeType(realFile));
    } catch {
      return notFound();
    }
  };
}

export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
