// The web transport of `press-archive serve`: the built renderer and the API over HTTP, on
// 127.0.0.1 only. Every API call needs the per-run random token; Host and Origin are checked so a
// web page elsewhere (or a DNS-rebinding one) cannot reach the archive.
// A call that asks for `Accept: text/event-stream` gets its answer as server-sent events on the same
// response: `progress` events while a long task runs, then one `result` event with the envelope.
// An import's bytes come as an application/octet-stream body, the call's other fields as JSON in
// the x-press-archive-input header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from '../api.ts';
import { isBytesMethod } from '../api-methods.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-depth.ts';
import type { Dispatch } from './dispatch.ts';
import { CONTENT_SECURITY_POLICY, mimeType } from './renderer-content.ts';

export { CONTENT_SECURITY_POLICY };

export const TOKEN_HEADER = 'x-press-archive-token';
export const INPUT_HEADER = 'x-press-archive-input';
/** The one method whose input carries bytes (its `bytes` field is the request's body). */
const BYTES_METHOD = 'importChunk';
const HOST = '127.0.0.1';
const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startWebServer(options: {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
}): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const realRendererDir = await realpath(rendererDir).catch(() => rendererDir);
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain; charset=utf-8', 'internal error'));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (!isOwnHost(request.headers.host, port)) return send(response, 421, 'text/plain; charset=utf-8', 'wrong host');
    const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice(5));
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    return serveFile(response, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port))
      return send(response, 403, 'text/plain; charset=utf-8', 'wrong origin');
    if (!sameSecret(request.headers[TOKEN_HEADER], token))
      return send(response, 401, 'text/plain; charset=utf-8', 'token required');
    const type = request.headers['content-type'] ?? '';
    const bytesBody = method === BYTES_METHOD && /^application\/octet-stream\b/.test(type);
    if (!bytesBody && !/^application\/json\b/.test(type)) {
      return send(response, 415, 'text/plain; charset=utf-8', 'JSON expected');
    }
    // Too large by its own account: answered before a byte of it is read.
    const limit = bytesBody ? IMPORT_CHUNK_BYTES : MAX_BODY_BYTES;
    if (Number(request.headers['content-length'] ?? 0) > limit) return refuseTooLarge(response);
    let body: Buffer;
    try {
      body = await readBody(request, limit);
    } catch {
      return refuseTooLarge(response);
    }
    let input: unknown;
    try {
      // A piece of a file comes as bytes, with the call's other fields in a header.
      const json = bytesBody
        ? decodeURIComponent(String(request.headers[INPUT_HEADER] ?? '{}'))
        : body.toString('utf8');
      if (nestsDeeperThan(json)) {
        return sendJson(response, 400, {
          ok: false,
          error: { code: 'badRequest', params: { detail: `nested more than ${MAX_JSON_DEPTH} levels deep` } },
        });
      }
      const fields: unknown = JSON.parse(json);
      input = bytesBody && typeof fields === 'object' && fields !== null ? { ...fields, bytes: body } : fields;
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'badRequest', params: { detail: 'body is not JSON' } },
      });
    }
    const accept = request.headers.accept ?? '';
    if (isBytesMethod(method) && /^application\/octet-stream\b/.test(accept)) {
      // The same envelope, labelled as bytes: the page hands it to its worker unread, and nothing on
      // the way (the browser's developer tools among them) takes it for text to decode.
      return send(response, 200, 'application/octet-stream', JSON.stringify(await options.dispatch(method, input)));
    }
    if (!/\btext\/event-stream\b/.test(accept)) {
      return sendJson(response, 200, await options.dispatch(method, input));
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
    response.flushHeaders();
    const event = (name: string, value: unknown) => {
      // The page may have gone meanwhile (closed, reloaded): the task goes on, its news goes nowhere.
      if (!response.writableEnded && !response.destroyed)
        response.write(`event: ${name}\ndata: ${JSON.stringify(value)}\n\n`);
    };
    const envelope = await options.dispatch(method, input, (progress) => event('progress', progress));
    event('result', envelope);
    if (!response.destroyed) response.end();
  }

  async function serveFile(response: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'bad path');
    }
    const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^[/\\]+/, '');
    const file = resolve(join(rendererDir, relative));
    if (file !== rendererDir && !file.startsWith(rendererDir + sep))
      return send(response, 404, 'text/plain; charset=utf-8', 'not found');
    // A symbolic link must not lead out of the folder either.
    const real = await realpath(file).catch(() => undefined);
    if (real === undefined || !real.startsWith(realRendererDir + sep))
      return send(response, 404, 'text/plain; charset=utf-8', 'not found');
    const info = await stat(real).catch(() => undefined);
    if (!info?.isFile()) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
    let body: Buffer | string = await readFile(real);
    if (relative === 'index.html') body = withWebBridge(body.toString('utf8'));
    return send(response, 200, mimeType(file), body);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    token,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Open keep-alive connections and requests in flight would hold the shutdown indefinitely.
        server.closeAllConnections();
      }),
  };
}

/** The app's page with the HTTP bridge in place of Electron's preload, loaded before the app. */
function withWebBridge(html: string): string {
  const tag = '<script type="module" src="/web-bridge.js"></script>';
  const at = html.indexOf('<script');
  return at < 0 ? html.replace('</head>', `${tag}</head>`) : html.slice(0, at) + tag + html.slice(at);
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}

function sameSecret(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** 413, and the connection closed: the rest of the body is never read. */
function refuseTooLarge(response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  sendJson(response, 413, { ok: false, error: { code: 'bodyTooLarge', params: { max: MAX_BODY_BYTES / 2 ** 20 } } });
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  if (response.headersSent) return void response.end();
  // Encoded once: measuring a string's UTF-8 length and then encoding it goes over it twice (18 ms
  // more for the 11 MB of 15,000 clippings' text).
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.byteLength });
  response.end(bytes);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
