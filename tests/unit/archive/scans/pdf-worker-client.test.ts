// The PDF worker thread: the same text layers and page images as reading on this thread, while
// this thread keeps turning during a rendering; a cancel ends the thread mid-page, errors come back
// as pdfjs gave them (and as the archive's error codes), an idle thread ends; and the built CLI
// and Electron main each have the worker beside their bundle.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../../archive/errors.ts';
import { readPdfTextLayer, renderPdfPage } from '../../../../archive/ocr/pdf-text-layer.ts';
import { pdfTextLayers } from '../../../../archive/scans/pdf-pages.ts';
import { createPdfWorker, type PdfWorkerEnd } from '../../../../archive/scans/pdf-worker-client.ts';
import type { PdfWorkerReply } from '../../../../archive/scans/pdf-worker.ts';
import { ENGLISH_TEXT } from '../../../support/ocr-pdfs.ts';

/** Page 1: English text (a sound layer); page 2: thousands of shapes (slow to render); page 3: a JPEG. */
let pdf: Uint8Array;
let jpeg: Uint8Array;
const ends: PdfWorkerEnd[] = [];
const worker = createPdfWorker({ onEnd: (why) => ends.push(why) });

beforeAll(async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = doc.addPage([595, 842]);
  const words = ENGLISH_TEXT.split(' ');
  for (let line = 0; line * 8 < words.length; line++) {
    text.drawText(words.slice(line * 8, line * 8 + 8).join(' '), { x: 50, y: 780 - line * 20, size: 12, font });
  }
  const shapes = doc.addPage([595, 842]);
  for (let i = 0; i < 1500; i++) {
    const [x, y] = [(i * 37) % 595, (i * 53) % 842];
    shapes.drawEllipse({
      x,
      y,
      xScale: 5 + (i % 40),
      yScale: 3 + (i % 25),
      color: rgb((i % 7) / 7, (i % 5) / 5, 0.5),
      opacity: 0.5,
    });
  }
  const canvas = createCanvas(400, 300);
  const context = canvas.getContext('2d');
  context.fillStyle = '#eee';
  context.fillRect(0, 0, 400, 300);
  context.fillStyle = '#333';
  context.fillRect(40, 40, 320, 20);
  jpeg = new Uint8Array(canvas.toBuffer('image/jpeg', 80));
  const image = await doc.embedJpg(jpeg);
  doc.addPage([400, 300]).drawImage(image, { x: 0, y: 0, width: 400, height: 300 });
  pdf = await doc.save();
});

afterAll(() => worker.close());

describe('the PDF worker thread', () => {
  it('gives the same text layers and page images as reading them on this thread', async () => {
    const layers = await worker.textLayers(pdf);
    expect(layers).toEqual(await readPdfTextLayer(pdf));
    expect(layers[0]!.verdict).toEqual({ use: true, reason: 'latin' });
    const rendered = await worker.pageImage(pdf, 1, 150);
    expect(Buffer.isBuffer(rendered)).toBe(true);
    expect(Buffer.compare(rendered as Buffer, await renderPdfPage(pdf, 1, 150))).toBe(0);
    expect(Buffer.from(await worker.pageImage(pdf, 3, 300)).equals(Buffer.from(jpeg))).toBe(true);
  });

  it('leaves this thread free while it renders a page: the event loop turns meanwhile', async () => {
    await worker.textLayers(pdf); // the thread is up before the count starts
    // At 150 dpi the page of shapes still takes long to draw; 300 (the cancel below) costs 4 times as much.
    let rendering = true;
    let ticks = 0;
    const turn = () => {
      if (!rendering) return;
      ticks++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const png = await worker.pageImage(pdf, 2, 150).finally(() => (rendering = false));
    // On this thread pdfjs and Skia hold the event loop for the whole of the drawing and the PNG.
    let onThisThread = 0;
    rendering = true;
    const count = () => {
      if (!rendering) return;
      onThisThread++;
      setImmediate(count);
    };
    setImmediate(count);
    const same = await renderPdfPage(pdf, 2, 150).finally(() => (rendering = false));
    expect(Buffer.compare(png as Buffer, same)).toBe(0);
    expect(ticks).toBeGreaterThan(onThisThread);
  });

  it('a cancel ends the thread in the middle of a page; the next request starts a new one', async () => {
    const controller = new AbortController();
    const rendering = worker.pageImage(pdf, 2, 300, controller.signal);
    setImmediate(() => controller.abort());
    await expect(rendering).rejects.toMatchObject({ info: { code: 'cancelled' } });
    expect(ends.at(-1)).toBe('cancelled');
    await expect(worker.textLayers(pdf, AbortSignal.abort())).rejects.toMatchObject({ info: { code: 'cancelled' } });
    expect((await worker.textLayers(pdf)).length).toBe(3);
  });

  it("a file pdfjs cannot read comes back with pdfjs's own message, named unreadable by the import", async () => {
    const garbage = new TextEncoder().encode('%PDF-1.7\nthis is not a PDF at all');
    const inThread = await readPdfTextLayer(garbage).catch((error: Error) => error);
    const fromWorker = await worker.textLayers(garbage).catch((error: Error) => error);
    expect(fromWorker).toBeInstanceOf(Error);
    expect(fromWorker).not.toBeInstanceOf(ArchiveError);
    expect((fromWorker as Error).message).toBe((inThread as Error).message);
    await expect(pdfTextLayers('kharab.pdf', garbage)).rejects.toMatchObject({
      info: { code: 'unreadableFile', params: { file: 'kharab.pdf' } },
    });
    await expect(worker.pageImage(pdf, 9, 150)).rejects.toThrow('The PDF has no page 9.');
  });

  it('ends its thread when idle', async () => {
    let ended: (why: PdfWorkerEnd) => void = () => undefined;
    const idleEnd = new Promise<PdfWorkerEnd>((resolve) => (ended = resolve));
    const quick = createPdfWorker({ idleMs: 0, onEnd: (why) => ended(why) });
    expect((await quick.textLayers(pdf)).length).toBe(3);
    expect(await idleEnd).toBe('idle');
  });
});

describe('the built worker', () => {
  for (const build of ['out/cli', 'out/main']) {
    it(`lies beside the bundle in ${build} and answers there`, async () => {
      const file = new URL(`../../../../${build}/pdf-worker.js`, import.meta.url);
      if (!existsSync(file)) throw new Error(`${build} is missing: run \`npm run build\` before the unit tests`);
      const thread = new Worker(file);
      try {
        const reply = await new Promise<PdfWorkerReply>((resolve, reject) => {
          thread.once('message', resolve).once('error', reject);
          thread.postMessage({ id: 1, op: 'layers', bytes: pdf });
        });
        expect(reply).toEqual({ id: 1, layers: await readPdfTextLayer(pdf) });
      } finally {
        await thread.terminate();
      }
    });
  }
});
