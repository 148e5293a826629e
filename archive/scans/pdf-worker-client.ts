// Starts the PDF worker thread (pdf-worker.ts) and asks it for a PDF's text layers or a page's
// image, one request at a time. The thread is started on the first request, kept for the next
// (a PDF's pages come one after another), and ended when it has been idle a while, when a request
// is cancelled (pdfjs cannot be stopped inside a page any other way), or when it fails. While idle
// it does not keep the process alive, so the CLI exits when its work is done.
//
// Where the worker is: each build has it as an entry of its own, pdf-worker.js, with all chunks
// (this module's too) flat beside it (cli/vite.config.ts → out/cli, electron.vite.config.ts →
// out/main); Vite's `new Worker(new URL(…))` bundling is for browser workers only. Run from the
// sources (vitest imports the .ts files), the worker is the .ts file, loaded with
// strip-types-hooks.mjs.
import { Worker } from 'node:worker_threads';
import type { PdfPageText } from '../ocr/pdf-text-layer.ts';
import { cancelledError } from '../tasks.ts';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-worker.ts';

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const IDLE_MS = 30_000;

/** Why the thread ended: idle, a cancelled request, a failure, or close(). */
export type PdfWorkerEnd = 'idle' | 'cancelled' | 'failed' | 'closed';

export interface PdfWorker {
  /** Every page's text layer and whether to use it (readPdfTextLayer, in the thread). */
  textLayers(bytes: Uint8Array, signal?: AbortSignal): Promise<PdfPageText[]>;
  /** A page's image: the JPEG it is made of, else a PNG rendering at `dpi`. */
  pageImage(bytes: Uint8Array, page: number, dpi: number, signal?: AbortSignal): Promise<Uint8Array>;
  /** Ends the thread now. */
  close(): Promise<void>;
}

type Request = { op: 'layers'; bytes: Uint8Array } | { op: 'image'; bytes: Uint8Array; page: number; dpi: number };

export function createPdfWorker(options: { idleMs?: number; onEnd?: (why: PdfWorkerEnd) => void } = {}): PdfWorker {
  const idleMs = options.idleMs ?? IDLE_MS;
  let worker: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let nextId = 0;

  const end = (why: PdfWorkerEnd) => {
    const current = worker;
    worker = undefined;
    if (!current) return Promise.resolve();
    options.onEnd?.(why);
    return current.terminate().then(() => undefined);
  };

  const start = () => {
    const url = new URL(FROM_SOURCE ? './pdf-worker.ts' : './pdf-worker.js', import.meta.url);
    if (!FROM_SOURCE) return new Worker(url);
    const hooks = new URL('./strip-types-hooks.mjs', import.meta.url).href;
    const register = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(hooks)})`;
    return new Worker(url, { execArgv: [...process.execArgv, '--import', register] });
  };

  const ask = (request: Request, signal?: AbortSignal) =>
    new Promise<PdfWorkerReply>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError());
      const thread = (worker ??= start());
      thread.ref(); // a request under way keeps the process alive
      const id = ++nextId;
      const settle = () => {
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        thread.unref();
      };
      const onMessage = (reply: PdfWorkerReply) => {
        if (reply.id !== id) return;
        settle();
        resolve(reply);
      };
      const onError = (error: Error) => {
        settle();
        void end('failed');
        reject(error);
      };
      const onExit = (code: number) => {
        settle();
        if (worker === thread) worker = undefined;
        reject(new Error(`The PDF worker stopped (exit code ${code}).`));
      };
      const onAbort = () => {
        settle();
        void end('cancelled');
        reject(cancelledError());
      };
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      // The PDF goes across as an exact copy (the bytes may be a view into a larger buffer).
      const bytes = new Uint8Array(request.bytes);
      thread.postMessage({ ...request, bytes, id } satisfies PdfWorkerRequest, [bytes.buffer]);
    });

  const call = (request: Request, signal?: AbortSignal): Promise<PdfWorkerReply> => {
    if (idle) clearTimeout(idle);
    const run = queue.then(() => ask(request, signal));
    queue = run.catch(() => undefined);
    void queue.then(() => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => void end('idle'), idleMs);
      idle.unref();
    });
    return run.then((reply) => {
      if ('error' in reply) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
      return reply;
    });
  };

  return {
    async textLayers(bytes, signal) {
      const reply = await call({ op: 'layers', bytes }, signal);
      if (!('layers' in reply)) throw new Error('The PDF worker answered a text-layer request with something else.');
      return reply.layers;
    },
    async pageImage(bytes, page, dpi, signal) {
      const reply = await call({ op: 'image', bytes, page, dpi }, signal);
      if (!('image' in reply)) throw new Error('The PDF worker answered an image request with something else.');
      // A rendering is a PNG Buffer, as renderPdfPage gives it in this thread.
      const { image } = reply;
      return reply.rendered ? Buffer.from(image.buffer, image.byteOffset, image.byteLength) : image;
    },
    async close() {
      if (idle) clearTimeout(idle);
      await queue;
      await end('closed');
    },
  };
}
