// The service's PDF export: which clippings (ids, a search, or all), refused when there are none or
// too many, rendered by the injected printer, returned as a file name and base64 bytes.
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import type { SearchEngine } from '../search/engine.ts';
import type { ExportedPdf, ValidExportPdfInput } from './export-request.ts';
import type { PdfSelection } from './front-matter-html.ts';
import { MAX_PDF_ENTRIES } from './options.ts';
import type { PdfPrinter } from './printer.ts';
import { renderPdf } from './render-pdf.ts';
import type { ScanImageReader } from './scan-pages.ts';
import { shorten } from './escape.ts';

export interface PdfExportContext {
  printer: PdfPrinter;
  now: Date;
  /** Progress: clippings printed of all; may throw to stop (a cancelled export). */
  onPrinted?: (done: number, total: number) => void;
  /** Reads a stored scan page image (options.scans). */
  readScanImage?: ScanImageReader;
}

/**
 * `chosen`: the clippings to print, in order: those named by `input.ids`, or the results of
 * `input.query` best first (see searchForPdf), or every clipping not in the trash, newest first.
 */
export async function exportPdf(
  chosen: readonly Clipping[],
  input: ValidExportPdfInput,
  context: PdfExportContext,
): Promise<ExportedPdf> {
  const clippings = [...new Map(chosen.map((c) => [c.id, c])).values()];
  const selection: PdfSelection =
    input.query !== undefined ? { kind: 'query', query: input.query } : input.all ? { kind: 'all' } : { kind: 'ids' };
  if (clippings.length === 0) throw new ArchiveError({ code: 'nothingToExport' });
  if (clippings.length > MAX_PDF_ENTRIES) {
    throw new ArchiveError({ code: 'tooManyToExport', params: { max: MAX_PDF_ENTRIES, count: clippings.length } });
  }
  context.onPrinted?.(0, clippings.length);
  const pdf = await renderPdf(
    {
      clippings,
      selection,
      options: input.options,
      exportedAt: context.now,
      onPrinted: (done) => context.onPrinted?.(done, clippings.length),
      ...(context.readScanImage ? { readScanImage: context.readScanImage } : {}),
    },
    context.printer,
  );
  return {
    fileName: pdfFileName(clippings, context.now),
    pdfBase64: Buffer.from(pdf.bytes).toString('base64'),
    pages: pdf.pages,
    clippings: clippings.length,
  };
}

/**
 * The ids a search finds, best first (the same engine and ranking as the search box and
 * `press-archive search`); a mistake in the query, or more than a PDF takes, is refused before any
 * clipping is read.
 */
export function searchForPdf(engine: SearchEngine, query: string): string[] {
  const found = engine.rankedIds(query);
  if (!found.ok) throw new ArchiveError({ code: 'badRequest', params: { detail: `query: ${found.error.code}` } });
  if (found.ids.length > MAX_PDF_ENTRIES) {
    throw new ArchiveError({ code: 'tooManyToExport', params: { max: MAX_PDF_ENTRIES, count: found.ids.length } });
  }
  return found.ids;
}

// Characters that no file system accepts in a name (and control characters).
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** One clipping: its title; several: the archive and the day. */
export function pdfFileName(clippings: readonly Clipping[], now: Date): string {
  if (clippings.length === 1) {
    const title = shorten(clippings[0]!.title.replace(UNSAFE_IN_FILE_NAME, ' '), 80)
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.…]+$/g, '');
    if (title !== '') return `${title}.pdf`;
  }
  return `press-archive-${now.toISOString().slice(0, 10)}.pdf`;
}
