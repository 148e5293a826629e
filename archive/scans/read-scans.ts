// Scanned files on their way to becoming clippings: each file is read page by page, by the OCR
// engine or, for a PDF page with a sound text layer, from that layer (pdf-pages.ts); its text becomes the clipping's body (and stays as ocrText when the archivist
// corrects the body), its first line the proposed title. Nothing is written here: the service
// stores the files and the clippings in one write (ScanReading → storeScanClipping).
import type { ImportProblem } from '../api.ts';
import { ClippingInputSchema, TITLE_MAX, type Scan, type ValidClippingInput } from '../clipping.ts';
import { ArchiveError, toErrorInfo, validationError } from '../errors.ts';
import type { OcrEngine } from '../ocr/recognize.ts';
import type { TaskRun } from '../tasks.ts';
import { SCAN_EXTENSIONS, sniffMime } from './image-kind.ts';
import { pdfTextLayers, readPdfPage, type ReadPage } from './pdf-pages.ts';
import { putScanFile } from './scan-files.ts';
import { tiffPagesAsPng } from './tiff-pages.ts';

export interface ScanFile {
  name: string;
  bytes: Uint8Array;
}

/** A scanned file read by OCR, ready to be stored. */
export interface ScanReading {
  name: string;
  bytes: Uint8Array;
  mime: Scan['mime'];
  pages: ReadPage[];
  input: ValidClippingInput;
}

/** Is this file name one of a scan (by its extension; the contents are checked when it is read)? */
export function isScanName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && name.slice(dot).toLowerCase() in SCAN_EXTENSIONS;
}

/** A title from the first line of the text: at most a line, cut at a word near TITLE_MAX / 4. */
export function proposeTitle(text: string): string {
  const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const line = first.trim().replace(/\s+/g, ' ');
  const max = TITLE_MAX / 4;
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/**
 * Reads the files page by page, reporting pages read ('recognized', over the pages of all files)
 * and stopping at a cancel. An image is one page, read by OCR; a TIFF gives each of its pages
 * (tiff-pages.ts), read by OCR. A PDF gives each of its pages (pdf-pages.ts): its text layer where
 * that is sound, else OCR of the page's image. A file that cannot be read, or holds no text, is
 * reported by name; the others go on.
 */
export async function readScans(
  files: readonly ScanFile[],
  engine: () => OcrEngine,
  run: TaskRun,
): Promise<{ readings: ScanReading[]; problems: ImportProblem[] }> {
  const readings: ScanReading[] = [];
  const problems: ImportProblem[] = [];
  if (files.length === 0) return { readings, problems }; // a text-only import has no such step
  // First what each file is and how many pages it has (a PDF's text layers are cheap to read), so
  // the progress counts pages from the start.
  const planned: { file: ScanFile; mime: Scan['mime']; layers?: PdfLayers; tiffPages?: Uint8Array[] }[] = [];
  const failed = new Map<ScanFile, ImportProblem>();
  for (const file of files) {
    run.check();
    try {
      const mime = sniffMime(file.bytes);
      if (!mime) throw new ArchiveError({ code: 'notAnImage', params: { file: file.name } });
      if (mime === 'application/pdf')
        planned.push({ file, mime, layers: await pdfTextLayers(file.name, file.bytes, run.signal) });
      else if (mime === 'image/tiff') planned.push({ file, mime, ...tiffPlan(await tiffPagesAsPng(file.bytes)) });
      else planned.push({ file, mime });
    } catch (error) {
      if (error instanceof ArchiveError && error.info.code === 'cancelled') throw error;
      failed.set(file, { file: file.name, error: toErrorInfo(error) });
    }
  }
  const pageCount = (p: (typeof planned)[number]) => p.layers?.length ?? p.tiffPages?.length ?? 1;
  const total = planned.reduce((n, p) => n + pageCount(p), 0);
  let done = 0;
  run.progress('recognized', 0, total);
  for (const file of files) {
    const problem = failed.get(file);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const plan = planned.find((p) => p.file === file)!;
    const endOfFile = done + pageCount(plan);
    try {
      const pages: ReadPage[] = [];
      if (plan.layers) {
        for (const layer of plan.layers) {
          run.check();
          pages.push(await readPdfPage(file.bytes, layer, engine, run.signal));
          run.progress('recognized', ++done, total);
        }
      } else if (plan.tiffPages) {
        for (const png of plan.tiffPages) {
          run.check();
          const page = await engine().recognize(png, run.signal);
          pages.push({ ...page, image: png, source: 'ocr' });
          run.progress('recognized', ++done, total);
        }
      } else {
        run.check();
        const page = await engine().recognize(file.bytes, run.signal);
        pages.push({ ...page, ...(page.png ? { image: page.png } : {}), source: 'ocr' });
        run.progress('recognized', ++done, total);
      }
      readings.push(readingOf(file, plan.mime, pages));
    } catch (error) {
      if (error instanceof ArchiveError && error.info.code === 'cancelled') throw error;
      run.check();
      // A PDF that pdfjs opened but pdf-lib or the renderer cannot take (encrypted, damaged) is named so.
      const unreadable = plan.layers !== undefined && !(error instanceof ArchiveError);
      problems.push({
        file: file.name,
        error: unreadable
          ? { code: 'unreadableFile', params: { file: file.name, detail: (error as Error).message } }
          : toErrorInfo(error),
      });
      if (done !== endOfFile) run.progress('recognized', (done = endOfFile), total); // its pages left unread
    }
  }
  return { readings, problems };
}

type PdfLayers = Awaited<ReturnType<typeof pdfTextLayers>>;

/** A TIFF's pages decoded by UTIF; when it cannot, Tesseract reads the file itself (its first page). */
const tiffPlan = (pages: Uint8Array[] | undefined) => (pages ? { tiffPages: pages } : {});

/** The clipping a file's pages make: their texts, page after page, as the body; the title from the first line. */
function readingOf(file: ScanFile, mime: Scan['mime'], pages: ReadPage[]): ScanReading {
  const text = pages
    .map((p) => p.text.trim())
    .filter((t) => t !== '')
    .join('\n\n');
  if (text === '') throw new ArchiveError({ code: 'noTextInScan', params: { file: file.name } });
  const parsed = ClippingInputSchema.safeParse({ title: proposeTitle(text), body: text });
  if (!parsed.success) throw validationError(parsed.error);
  return { name: file.name, bytes: file.bytes, mime, pages, input: parsed.data };
}

/**
 * Stores a reading's files in the archive folder (the original, and the image of each page a
 * browser cannot show from the original itself: a TIFF's PNG, a PDF page's JPEG or PNG) and gives the scan record that names them. Called under the archive lock, before
 * the clipping is written.
 */
export async function storeScanFiles(dir: string, reading: ScanReading): Promise<Scan> {
  const sha256 = await putScanFile(dir, reading.bytes);
  const pages = [];
  for (const page of reading.pages) {
    const image = page.image ? await putScanFile(dir, page.image) : sha256;
    pages.push({ image, width: page.width, height: page.height, lines: page.lines, source: page.source });
  }
  return { sha256, mime: reading.mime, name: reading.name, pages };
}
