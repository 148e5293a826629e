// The HTTP transport of the API for `press-archive serve`: the same `window.pressArchive` the
// Electron preload exposes, generated from API_METHODS. Each call POSTs its argument as JSON to
// /api/<method> with the per-run token and returns the server's envelope. No React, no zod.
import { API_METHODS, type ApiMethod } from '../archive/api-methods.ts';
import type { Envelope, PressArchiveBridge } from '../archive/api.ts';

const TOKEN_PARAM = 'token';
const TOKEN_HEADER = 'x-press-archive-token';
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

async function call(method: ApiMethod, input: unknown): Promise<Envelope<unknown>> {
  const path = `/api/${method}`;
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
      credentials: 'same-origin',
    });
    const answer: unknown = await response.json();
    return isEnvelope(answer) ? answer : ioError(path, `unexpected answer (HTTP ${response.status})`);
  } catch (error) {
    return ioError(path, error instanceof Error ? error.message : String(error));
  }
}

const methods = Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => call(method, input)]));

const bridge = Object.freeze({ ...methods, onCommand: () => () => {} }) as unknown as PressArchiveBridge;

Object.defineProperty(window, 'pressArchive', { value: bridge, enumerable: true });
