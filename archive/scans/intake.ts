// Scanned files on their way to becoming clippings: each file is recognised, page by page, by the
// OCR engine; its text becomes the clipping's body (and stays as ocrText when the archivist
// corrects the body), its first line the proposed title. Nothing is written here: the service
// stores the files and the clippings in one write (ScanReading → storeScanClipping).
import type { ImportProblem } from '../api.ts';
import { ClippingInputSchema, TITLE_MAX, type Scan, type ValidClippingInput } from '../clipping.ts';
import { ArchiveError, toErrorInfo, validationError } from '../errors.ts';
import type { OcrEngine, OcrPage } from '../ocr/recognize.ts';
import type { TaskRun } from '../tasks.ts';
import { SCAN_EXTENSIONS, sniffMime } from './image-kind.ts';
import { putScanFile } from './scan-files.ts';

export interface ScanFile {
  name: string;
  bytes: Uint8Array;
}

/** A scanned file read by OCR, ready to be stored. */
export interface ScanReading {
  name: string;
  bytes: Uint8Array;
  mime: Scan['mime'];
  pages: OcrPage[];
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
 * Reads the files by OCR, one page at a time, reporting pages read ('recognized') and stopping at
 * a cancel. A file that cannot be read is reported by name; the others go on.
 */
export async function readScans(
  files: readonly ScanFile[],
  engine: () => OcrEngine,
  run: TaskRun,
): Promise<{ readings: ScanReading[]; problems: ImportProblem[] }> {
  const readings: ScanReading[] = [];
  const problems: ImportProblem[] = [];
  const total = files.length; // one page a file: images (a TIFF's first page)
  if (total === 0) return { readings, problems }; // a text-only import has no such step
  run.progress('recognized', 0, total);
  for (const [i, file] of files.entries()) {
    run.check();
    try {
      readings.push(await readScan(file, engine, run.signal));
    } catch (error) {
      if (error instanceof ArchiveError && error.info.code === 'cancelled') throw error;
      run.check();
      problems.push({ file: file.name, error: toErrorInfo(error) });
    }
    run.progress('recognized', i + 1, total);
  }
  return { readings, problems };
}

async function readScan(file: ScanFile, engine: () => OcrEngine, signal: AbortSignal): Promise<ScanReading> {
  const mime = sniffMime(file.bytes);
  if (mime === 'application/pdf') throw new ArchiveError({ code: 'scanPdfUnsupported', params: { file: file.name } });
  if (!mime) throw new ArchiveError({ code: 'notAnImage', params: { file: file.name } });
  const page = await engine().recognize(file.bytes, signal);
  if (page.text.trim() === '') throw new ArchiveError({ code: 'noTextInScan', params: { file: file.name } });
  const parsed = ClippingInputSchema.safeParse({ title: proposeTitle(page.text), body: page.text });
  if (!parsed.success) throw validationError(parsed.error);
  return { name: file.name, bytes: file.bytes, mime, pages: [page], input: parsed.data };
}

/**
 * Stores a reading's files in the archive folder (the original, and a PNG of each page a browser
 * cannot show) and gives the scan record that names them. Called under the archive lock, before
 * the clipping is written.
 */
export async function storeScanFiles(dir: string, reading: ScanReading): Promise<Scan> {
  const sha256 = await putScanFile(dir, reading.bytes);
  const pages = [];
  for (const page of reading.pages) {
    const image = page.png ? await putScanFile(dir, page.png) : sha256;
    pages.push({ image, width: page.width, height: page.height, lines: page.lines, source: 'ocr' as const });
  }
  return { sha256, mime: reading.mime, name: reading.name, pages };
}
