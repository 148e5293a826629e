// The worker's way to the archive: over HTTP (`press-archive serve`) it fetches the answers itself;
// in the desktop app it asks the page for a call's answer as bytes (answerBytes, over IPC) and the
// page transfers them here unread. Either way what grows with the archive (the list, the clippings'
// text) is read, decoded and parsed on this thread only. Answers come outside the worker's queue of
// messages: a queued task may be waiting for one.
import type { ApiOutput, Envelope } from '../../../archive/api.ts';
import type { BytesMethod } from '../../../archive/api-methods.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import type { ApiCallInput, WorkerResponse } from './protocol.ts';

/** A refusal from the archive, with its code and fields (the page words it in the UI's language). */
export class ArchiveCallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.code}${info.params?.detail !== undefined ? `: ${String(info.params.detail)}` : ''}`);
  }
}

const TOKEN_HEADER = 'x-press-archive-token';

export class ArchiveCalls {
  private next = 0;
  private readonly waiting = new Map<number, (bytes: Uint8Array) => void>();
  /** Over HTTP: the token to fetch answers with, from this thread (the page's thread never sees them). */
  token: string | undefined;

  constructor(private readonly post: (message: WorkerResponse) => void) {}

  call<M extends BytesMethod>(method: M, input: ApiCallInput<M>): Promise<ApiOutput<M>> {
    if (this.token !== undefined) return this.fetched(method, input).then((bytes) => unwrap<ApiOutput<M>>(bytes));
    this.next += 1;
    const call = this.next;
    return new Promise<Uint8Array>((resolve) => {
      this.waiting.set(call, resolve);
      this.post({ type: 'call', call, method, input });
    }).then((bytes) => unwrap<ApiOutput<M>>(bytes));
  }

  /** The same request the page's bridge makes for answerBytes (renderer/web-bridge.ts). */
  private async fetched(method: BytesMethod, input: unknown): Promise<Uint8Array> {
    const path = `/api/${method}`;
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: {
          [TOKEN_HEADER]: this.token!,
          'content-type': 'application/json',
          accept: 'application/octet-stream',
        },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'same-origin',
      });
      if (!/^application\/(octet-stream|json)\b/.test(response.headers.get('content-type') ?? '')) {
        throw new Error(`unexpected answer (HTTP ${response.status})`);
      }
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return new TextEncoder().encode(JSON.stringify({ ok: false, error: { code: 'io', params: { path, detail } } }));
    }
  }

  /** The page's answer to a call (see SearchClient). */
  answered(call: number, bytes: Uint8Array): void {
    const resolve = this.waiting.get(call);
    this.waiting.delete(call);
    resolve?.(bytes);
  }
}

function unwrap<T>(bytes: Uint8Array): T {
  let envelope: Envelope<T>;
  try {
    envelope = JSON.parse(new TextDecoder().decode(bytes)) as Envelope<T>;
  } catch (error) {
    throw new ArchiveCallError({ code: 'io', params: { path: 'answerBytes', detail: String(error) } });
  }
  if (!envelope.ok) throw new ArchiveCallError(envelope.error);
  return envelope.value;
}
