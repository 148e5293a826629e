// The thread that does a PDF's heavy work: reading every page's text layer, and taking a page's
// image (its own JPEG, or a rendering with pdfjs on Skia, which takes seconds at 300 dpi). It runs
// in a worker_thread so that the thread that owns the archive (Electron's main, the HTTP server of
// `serve`, the CLI) keeps answering meanwhile. pdf-worker-client.ts starts it and talks to it; one
// request at a time.
import { parentPort } from 'node:worker_threads';
import { embeddedPageJpeg, readPdfTextLayer, renderPdfPage, type PdfPageText } from '../ocr/pdf-text-layer.ts';

export type PdfWorkerRequest =
  | { id: number; op: 'layers'; bytes: Uint8Array }
  | { id: number; op: 'image'; bytes: Uint8Array; page: number; dpi: number };

export type PdfWorkerReply =
  | { id: number; layers: PdfPageText[] }
  | { id: number; image: Uint8Array; rendered: boolean }
  | { id: number; error: { name: string; message: string } };

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs as a worker thread only');

port.on('message', (request: PdfWorkerRequest) => {
  void answer(request).then(
    (reply) => {
      // The image goes across as its own exact buffer (a JPEG may be a view into the whole PDF).
      const transfer = 'image' in reply ? [reply.image.buffer as ArrayBuffer] : [];
      port.postMessage(reply, transfer);
    },
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, error: { name, message } } satisfies PdfWorkerReply);
    },
  );
});

async function answer(request: PdfWorkerRequest): Promise<PdfWorkerReply> {
  if (request.op === 'layers') return { id: request.id, layers: await readPdfTextLayer(request.bytes) };
  const jpeg = await embeddedPageJpeg(request.bytes, request.page);
  const image = jpeg ?? (await renderPdfPage(request.bytes, request.page, request.dpi));
  return { id: request.id, image: new Uint8Array(image), rendered: jpeg === undefined };
}
