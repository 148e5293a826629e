// The worker's way to the archive: it asks the page for a call's answer as bytes (answerBytes), and
// the page transfers them here unread, so what grows with the archive (the list, the clippings'
// text) is decoded and parsed on this thread only. Answers come outside the worker's queue of
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

export class ArchiveCalls {
  private next = 0;
  private readonly waiting = new Map<number, (bytes: Uint8Array) => void>();

  constructor(private readonly post: (message: WorkerResponse) => void) {}

  call<M extends BytesMethod>(method: M, input: ApiCallInput<M>): Promise<ApiOutput<M>> {
    this.next += 1;
    const call = this.next;
    return new Promise<Uint8Array>((resolve) => {
      this.waiting.set(call, resolve);
      this.post({ type: 'call', call, method, input });
    }).then((bytes) => unwrap<ApiOutput<M>>(bytes));
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
