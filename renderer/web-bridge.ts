// The HTTP transport of the API for `press-archive serve`: the same `window.pressArchive` the
// Electron preload exposes, generated from API_METHODS. Each call POSTs its argument as JSON to
// /api/<method> with the per-run token and returns the server's envelope. No React, no zod.
// A call that names a task asks for its answer as server-sent events on the same response, so its
// progress comes while it runs (to onProgress listeners); an import's piece goes as the file's own
// bytes (a Blob: the page never reads or copies them).
import { API_METHODS, isBytesMethod, type ApiMethod, type BytesMethod } from '../archive/api-methods.ts';
import type { Envelope, PressArchiveBridge, Progress } from '../archive/api.ts';

const TOKEN_PARAM = 'token';
const TOKEN_HEADER = 'x-press-archive-token';
const INPUT_HEADER = 'x-press-archive-input';
const TOKEN_STORAGE_KEY = 'press-archive.token';

/** The token from the address (then kept for reloads and removed from the address bar). */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl === null) return readStoredToken();
  try {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
  } catch {
    // No session storage: this page still works, a reload will not.
  }
  url.searchParams.delete(TOKEN_PARAM);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return fromUrl;
}

function readStoredToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value;
}

function ioError(path: string, detail: string): Envelope<never> {
  return { ok: false, error: { code: 'io', params: { path, detail } } };
}

const token = takeToken();

const progressListeners = new Set<(event: Progress) => void>();

function onProgress(listener: (event: Progress) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onProgress needs a function');
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

/** The request for a call: JSON, or for an import's piece the Blob itself with the rest in a header. */
function requestOf(input: unknown): { body: BodyInit; headers: Record<string, string> } {
  const headers: Record<string, string> = { [TOKEN_HEADER]: token };
  if (typeof input === 'object' && input !== null && 'task' in input) headers.accept = 'text/event-stream';
  if (typeof input === 'object' && input !== null && 'bytes' in input && input.bytes instanceof Blob) {
    const { bytes, ...fields } = input;
    headers['content-type'] = 'application/octet-stream';
    headers[INPUT_HEADER] = encodeURIComponent(JSON.stringify(fields));
    return { body: bytes, headers };
  }
  headers['content-type'] = 'application/json';
  return { body: JSON.stringify(input ?? {}), headers };
}

/** Reads server-sent events: each progress to the listeners, and the result's envelope. */
async function readEvents(response: Response): Promise<unknown> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let searched = 0; // a large result comes in many pieces: never search its start again
  let result: unknown;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return result;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n', searched)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      searched = 0;
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data === undefined) continue;
      if (name === 'progress') {
        const event = JSON.parse(data) as Progress;
        progressListeners.forEach((listener) => listener(event));
      } else if (name === 'result') result = JSON.parse(data);
    }
    searched = Math.max(0, buffer.length - 1);
  }
}

async function call(method: ApiMethod, input: unknown): Promise<Envelope<unknown>> {
  const path = `/api/${method}`;
  try {
    const { body, headers } = requestOf(input);
    const response = await fetch(path, {
      method: 'POST',
      headers,
      body,
      cache: 'no-store',
      credentials: 'same-origin',
    });
    const streamed = /^text\/event-stream\b/.test(response.headers.get('content-type') ?? '');
    const answer: unknown = streamed ? await readEvents(response) : await response.json();
    return isEnvelope(answer) ? answer : ioError(path, `unexpected answer (HTTP ${response.status})`);
  } catch (error) {
    return ioError(path, error instanceof Error ? error.message : String(error));
  }
}

/**
 * The call's envelope as the server sent it, as bytes: the page hands them to its worker unread
 * (Response.arrayBuffer copies the body; nothing decodes or parses it here).
 */
async function answerBytes(method: BytesMethod, input: unknown): Promise<Uint8Array> {
  const path = `/api/${method}`;
  const failed = (detail: string) => new TextEncoder().encode(JSON.stringify(ioError(path, detail)));
  if (!isBytesMethod(method)) return failed('not a method answered as bytes');
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json', accept: 'application/octet-stream' },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    // The envelope as bytes, or a refusal the server made before the call (a JSON envelope too).
    if (!/^application\/(octet-stream|json)\b/.test(response.headers.get('content-type') ?? '')) {
      return failed(`unexpected answer (HTTP ${response.status})`);
    }
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

const methods = Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => call(method, input)]));

const bridge = Object.freeze({
  ...methods,
  answerBytes,
  workerAccess: () => ({ token }),
  onCommand: () => () => {},
  onProgress,
}) as unknown as PressArchiveBridge;

Object.defineProperty(window, 'pressArchive', { value: bridge, enumerable: true });
