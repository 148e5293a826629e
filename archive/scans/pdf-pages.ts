// The pages of a scanned PDF, each with the text to use and the image to show. A page whose text
// layer is sound Unicode (text-layer-quality.ts) gives that text and its line boxes; a page whose
// layer is garbage or missing is read by OCR from its image. The image is the JPEG the page is made
// of when it is one (a scanner's or an e-paper's page: exact, nothing re-rendered), else the page
// rendered to PNG with pdfjs. Both the reading and the rendering happen in a worker thread
// (pdf-worker.ts), never on the thread that owns the archive, nor in the renderer. Either image is
// stored as a scan file beside the PDF, so the reader shows pages as it shows any image.
import { ArchiveError } from '../errors.ts';
import type { PdfPageText } from '../ocr/pdf-text-layer.ts';
import type { OcrEngine, OcrLine } from '../ocr/recognize.ts';
import { cancelledError } from '../tasks.ts';
import { imageSize } from './image-kind.ts';
import { createPdfWorker } from './pdf-worker-client.ts';

export interface ReadPage {
  text: string;
  lines: OcrLine[];
  width: number;
  height: number;
  /** The page's image to store and show (JPEG or PNG); absent when the file itself is the image. */
  image?: Uint8Array;
  source: 'ocr' | 'text-layer';
}

/** Rendering resolutions: OCR wants 300 dpi for newsprint; a page only shown needs less. */
const OCR_DPI = 300;
const SHOW_DPI = 150;

/** One thread for the whole process: started on demand, ended when idle. */
const pdfWorker = createPdfWorker();

/** Opens the PDF and tells its page count, or says by name that it cannot be read. */
export async function pdfTextLayers(name: string, bytes: Uint8Array, signal?: AbortSignal) {
  try {
    return await pdfWorker.textLayers(bytes, signal);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError({ code: 'unreadableFile', params: { file: name, detail: (error as Error).message } });
  }
}

/** One page: its text layer when usable, else OCR of its image. */
export async function readPdfPage(
  bytes: Uint8Array,
  layer: PdfPageText,
  engine: () => OcrEngine,
  signal: AbortSignal,
): Promise<ReadPage> {
  const use = layer.verdict.use;
  const image = await pdfWorker.pageImage(bytes, layer.page, use ? SHOW_DPI : OCR_DPI, signal);
  if (signal.aborted) throw cancelledError();
  const size = imageSize(image) ?? { width: Math.round(layer.width), height: Math.round(layer.height) };
  if (use) {
    // The layer's boxes are in points; the image may be of any resolution.
    const sx = size.width / layer.width;
    const sy = size.height / layer.height;
    const lines = layer.lines.map(({ text, box: [x, y, w, h] }) => ({
      text,
      box: [Math.round(x * sx), Math.round(y * sy), Math.round(w * sx), Math.round(h * sy)] as OcrLine['box'],
    }));
    return { text: layerText(layer.text), lines, ...size, image, source: 'text-layer' };
  }
  const page = await engine().recognize(image, signal);
  return { text: page.text, lines: page.lines, width: page.width, height: page.height, image, source: 'ocr' };
}

/** The layer's text with its lines kept and spaces tidied (layers often pad words with spaces). */
function layerText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
