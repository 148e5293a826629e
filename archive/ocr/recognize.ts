// Reads the text of one scanned page, offline: Tesseract (tesseract.js, WebAssembly) with the Hindi
// and English models that ship as npm packages, so nothing is ever fetched. tesseract.js runs the
// engine in a worker_thread of its own, so the process that asks (the CLI, `serve`, the desktop
// app's main) stays responsive. One engine worker is kept and reused page after page (loading the
// models takes seconds), one page at a time, and ended when it has been idle a while, which gives
// its memory back.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { normalizeText } from '../clipping.ts';
import { cancelledError } from '../tasks.ts';
import { imageSize, sniffMime } from '../scans/image-kind.ts';
import { boxOnOriginal, levelPage } from './level-page.ts';

/** A line of text and where it is on the page: [x, y, width, height] in the image's pixels. */
export interface OcrLine {
  text: string;
  box: [number, number, number, number];
}

export interface OcrPage {
  /** NFC, lines of a paragraph joined by spaces, paragraphs apart by a blank line. */
  text: string;
  lines: OcrLine[];
  width: number;
  height: number;
  /** The page as PNG when the original cannot be shown by a browser (TIFF). */
  png?: Uint8Array;
}

export interface OcrEngine {
  /** The text of one page (JPEG, PNG, WebP or TIFF bytes). Aborting the signal stops it. */
  recognize(image: Uint8Array, signal?: AbortSignal): Promise<OcrPage>;
  /** Ends the engine's worker now (the CLI, before it exits). */
  close(): Promise<void>;
}

/** Models: the LSTM ("best_int") ones tesseract.js itself uses with the LSTM engine. */
const MODELS = ['hin', 'eng'] as const;
const MODEL_FOLDER = '4.0.0_best_int';
/** Page segmentation 3: fully automatic, finds columns and blocks (a clipping may have several). */
const PAGE_SEGMENTATION = '3';
const IDLE_MS = 30_000;

type TesseractWorker = Awaited<ReturnType<(typeof import('tesseract.js'))['createWorker']>>;

export function createOcrEngine(options: { idleMs?: number } = {}): OcrEngine {
  const idleMs = options.idleMs ?? IDLE_MS;
  let worker: Promise<TesseractWorker> | undefined;
  let modelDir: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;

  const end = async () => {
    const current = worker;
    worker = undefined;
    if (current) await current.then((w) => w.terminate()).catch(() => undefined);
    if (modelDir) await rm(modelDir, { recursive: true, force: true }).catch(() => undefined);
    modelDir = undefined;
  };

  const start = async (): Promise<TesseractWorker> => {
    const { default: Tesseract } = await import('tesseract.js');
    // tesseract.js reads every model from one folder (langPath); the two packages keep theirs
    // apart, so a private folder gets a copy of each (a few MB, once per engine start).
    modelDir = await mkdtemp(join(tmpdir(), 'press-archive-ocr-'));
    const require = createRequire(import.meta.url);
    for (const code of MODELS) {
      const pkg = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
      await copyFile(join(pkg, MODEL_FOLDER, `${code}.traineddata.gz`), join(modelDir, `${code}.traineddata.gz`));
    }
    const created = await Tesseract.createWorker([...MODELS], Tesseract.OEM.LSTM_ONLY, {
      langPath: modelDir,
      gzip: true,
      cacheMethod: 'none', // never write model copies into the working folder
    });
    await created.setParameters({
      tessedit_pageseg_mode: PAGE_SEGMENTATION as never,
      preserve_interword_spaces: '1',
      // Tesseract's notes ("Estimating resolution as …") would land in the CLI's output.
      debug_file: '/dev/null',
    });
    return created;
  };

  const recognizeNow = async (image: Uint8Array, signal?: AbortSignal): Promise<OcrPage> => {
    if (signal?.aborted) throw cancelledError();
    worker ??= start();
    const tesseract = await worker;
    const mime = sniffMime(image);
    const needsPng = mime === 'image/tiff';
    // A TIFF is levelled by Tesseract's own reading only; the others are levelled here when skewed.
    const levelled = needsPng ? undefined : await levelPage(image);
    if (signal?.aborted) throw cancelledError();
    const input = levelled?.png ?? image;
    // Aborting ends the worker: Tesseract cannot be stopped inside a page any other way.
    const onAbort = () => void end();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await tesseract.recognize(
        Buffer.from(input.buffer, input.byteOffset, input.byteLength),
        {},
        { text: true, blocks: true, imageColor: needsPng },
      );
      if (signal?.aborted) throw cancelledError();
      const png = needsPng && result.data.imageColor ? pngBytes(result.data.imageColor) : undefined;
      const size = imageSize(png ?? image);
      const read = pageFrom(result.data.blocks ?? []);
      // The archive shows the original: boxes found on the levelled copy are turned back onto it.
      const page = levelled
        ? { ...read, lines: read.lines.map((line) => ({ ...line, box: boxOnOriginal(line.box, levelled) })) }
        : read;
      return {
        ...page,
        width: size?.width ?? page.width,
        height: size?.height ?? page.height,
        ...(png ? { png } : {}),
      };
    } catch (error) {
      if (signal?.aborted) throw cancelledError();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };

  return {
    recognize(image, signal) {
      if (idle) clearTimeout(idle);
      const run = queue.then(() => recognizeNow(image, signal));
      queue = run.catch(() => undefined);
      void queue.then(() => {
        if (idle) clearTimeout(idle);
        idle = setTimeout(() => void end(), idleMs);
        idle.unref();
      });
      return run;
    },
    async close() {
      if (idle) clearTimeout(idle);
      await queue;
      await end();
    },
  };
}

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Block {
  bbox: Bbox;
  paragraphs: { lines: { text: string; bbox: Bbox }[] }[];
}

/** Text and line boxes from Tesseract's blocks; the size is what the boxes reach when no header tells. */
export function pageFrom(blocks: readonly Block[]): Omit<OcrPage, 'png'> {
  const lines: OcrLine[] = [];
  const paragraphs: string[] = [];
  let width = 0;
  let height = 0;
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      const texts: string[] = [];
      for (const line of paragraph.lines) {
        const text = normalizeText(line.text).replace(/\s+/g, ' ').trim();
        if (text === '') continue;
        const { x0, y0, x1, y1 } = line.bbox;
        lines.push({ text, box: [x0, y0, x1 - x0, y1 - y0] });
        texts.push(text);
        width = Math.max(width, x1);
        height = Math.max(height, y1);
      }
      if (texts.length > 0) paragraphs.push(texts.join(' '));
    }
  }
  return { text: paragraphs.join('\n\n'), lines, width, height };
}

function pngBytes(dataUrl: string): Uint8Array {
  return new Uint8Array(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
}
