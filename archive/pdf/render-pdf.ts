// Clippings to one finished PDF: print the clippings (in parts for large exports), find where each
// starts from the engine's outline, put each one's scan images in front of its text when asked, add a cover and contents for several, lay the running heads
// and "page X of Y" over every page, write one bookmark per clipping, and set the metadata.
import { PDFDocument, PDFName, beginMarkedContent, endMarkedContent } from 'pdf-lib';
import type { Clipping } from '../clipping.ts';
import { CHUNK_LIMITS, chunkClippings, type ChunkLimits } from './chunks.ts';
import { entriesHtml } from './entries-html.ts';
import { frontMatterHtml, type PdfSelection } from './front-matter-html.ts';
import { label } from './labels.ts';
import type { PdfOptions } from './options.ts';
import { readTopLevelOutline, writeOutline, type OutlineItem, type OutlineTarget } from './outline.ts';
import type { PdfPrinter, PrintSession } from './printer.ts';
import { insertScanPages, type ScanImageReader } from './scan-pages.ts';
import { runningHeadsHtml, type RunningHead } from './running-heads-html.ts';

export interface PdfRequest {
  clippings: readonly Clipping[];
  selection: PdfSelection;
  options: PdfOptions;
  exportedAt: Date;
  /** Told the clippings printed so far after each print job; may throw to stop (a cancelled export). */
  onPrinted?: (done: number) => void;
  /** With options.scans: reads a stored scan page image, to put before the clipping's text. */
  readScanImage?: ScanImageReader;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
}

interface Body {
  doc: PDFDocument;
  /** Where each clipping starts, in the order of the request. */
  starts: OutlineTarget[];
  /** Where each clipping's text starts (after its scan pages, when there are any). */
  textStarts: number[];
}

export async function renderPdf(
  request: PdfRequest,
  printer: PdfPrinter,
  limits: ChunkLimits = CHUNK_LIMITS,
): Promise<RenderedPdf> {
  if (request.clippings.length === 0) throw new Error('nothing to print');
  const session = await printer.open();
  try {
    const single = request.clippings.length === 1;
    const body = single ? await printSingle(session, request) : await printParts(session, request, limits);
    if (request.options.scans && request.readScanImage) {
      const { doc, starts } = body;
      Object.assign(
        body,
        await insertScanPages(doc, request.clippings, starts, request.options.pageSize, request.readScanImage),
      );
    }
    const frontPages = single ? 0 : await prependFrontMatter(session, request, body);
    const starts = body.starts.map((s) => ({ ...s, page: s.page + frontPages }));
    const textStarts = body.textStarts.map((page) => page + frontPages);
    await stampRunningHeads(session, request, body.doc, frontPages, starts, textStarts);
    writeOutline(body.doc, outlineItems(request, frontPages, starts));
    setMetadata(body.doc, request);
    const bytes = await body.doc.save();
    return { bytes, pages: body.doc.getPageCount() };
  } finally {
    await session.close();
  }
}

/** One clipping is one print job, kept as the engine made it (so its tags survive). */
async function printSingle(session: PrintSession, request: PdfRequest): Promise<Body> {
  const { options } = request;
  const html = entriesHtml(request.clippings, options);
  const doc = await PDFDocument.load(
    await session.print(html, { pageSize: options.pageSize, outline: true, tagged: true }),
  );
  request.onPrinted?.(1);
  const starts = startsOf(doc, 1);
  return { doc, starts, textStarts: starts.map((s) => s.page) };
}

/** Several clippings: a print job per part, merged page by page into a new document. */
async function printParts(session: PrintSession, request: PdfRequest, limits: ChunkLimits): Promise<Body> {
  const { options } = request;
  const doc = await PDFDocument.create();
  const starts: OutlineTarget[] = [];
  for (const part of chunkClippings(request.clippings, limits)) {
    const printed = await PDFDocument.load(
      // Chromium builds its outline from the tagged structure: no tags, no outline.
      await session.print(entriesHtml(part, options), { pageSize: options.pageSize, outline: true, tagged: true }),
    );
    const offset = doc.getPageCount();
    starts.push(...startsOf(printed, part.length).map((s) => ({ ...s, page: s.page + offset })));
    for (const page of await doc.copyPages(printed, printed.getPageIndices())) doc.addPage(page);
    request.onPrinted?.(starts.length);
  }
  return { doc, starts, textStarts: starts.map((s) => s.page) };
}

function startsOf(printed: PDFDocument, expected: number): OutlineTarget[] {
  const starts = readTopLevelOutline(printed);
  if (starts.length !== expected) {
    throw new Error(`the printed outline lists ${starts.length} clippings, ${expected} were printed`);
  }
  return starts;
}

/**
 * The cover and contents go in front; the contents name final page numbers, which depend on how
 * many pages the contents take: print, and print again if the guess was wrong.
 */
async function prependFrontMatter(session: PrintSession, request: PdfRequest, body: Body): Promise<number> {
  const { options } = request;
  // A cover, then about 17 contents rows a page (titles of one line); a wrong guess costs one print.
  let frontPages = 1 + Math.ceil(request.clippings.length / 17);
  for (let attempt = 0; attempt < 4; attempt++) {
    const html = frontMatterHtml(
      {
        clippings: request.clippings,
        selection: request.selection,
        exportedAt: request.exportedAt,
        startPages: body.starts.map((s) => s.page + frontPages + 1),
      },
      options,
    );
    const front = await PDFDocument.load(
      await session.print(html, { pageSize: options.pageSize, outline: false, tagged: false }),
    );
    if (front.getPageCount() === frontPages) {
      const pages = await body.doc.copyPages(front, front.getPageIndices());
      pages.forEach((page, i) => body.doc.insertPage(i, page));
      return frontPages;
    }
    frontPages = front.getPageCount();
  }
  throw new Error('the contents did not settle on a number of pages');
}

async function stampRunningHeads(
  session: PrintSession,
  request: PdfRequest,
  doc: PDFDocument,
  frontPages: number,
  starts: readonly OutlineTarget[],
  textStarts: readonly number[],
): Promise<void> {
  const { options, clippings } = request;
  const heads: RunningHead[] = [];
  let entry = -1;
  for (let page = 0; page < doc.getPageCount(); page++) {
    while (entry + 1 < starts.length && starts[entry + 1]!.page <= page) entry += 1;
    if (page < frontPages) {
      heads.push({ blank: page === 0, title: label(options.language, 'contents'), lang: options.language });
    } else {
      // A clipping's first page shows its title large; the running title is for the pages after.
      const clipping = clippings[Math.max(entry, 0)]!;
      const opening = textStarts[entry] === page;
      heads.push({ blank: false, title: opening ? undefined : clipping.title, lang: clipping.language });
    }
  }
  const overlay = await session.print(runningHeadsHtml(heads, options), {
    pageSize: options.pageSize,
    outline: false,
    tagged: false,
  });
  const sheets = await doc.embedPdf(
    overlay,
    heads.map((_, i) => i),
  );
  if (sheets.length !== heads.length) throw new Error('the running heads came out on the wrong number of pages');
  doc.getPages().forEach((page, i) => {
    if (heads[i]!.blank) return;
    // Marked as an artifact: page furniture, not content, for screen readers of a tagged PDF.
    page.pushOperators(beginMarkedContent(PDFName.of('Artifact')));
    page.drawPage(sheets[i]!);
    page.pushOperators(endMarkedContent());
  });
}

function outlineItems(request: PdfRequest, frontPages: number, starts: readonly OutlineTarget[]): OutlineItem[] {
  const items: OutlineItem[] = request.clippings.map((clipping, i) => ({ title: clipping.title, ...starts[i]! }));
  if (frontPages > 1) items.unshift({ title: label(request.options.language, 'contents'), page: 1 });
  return items;
}

function setMetadata(doc: PDFDocument, request: PdfRequest): void {
  const { clippings, options, exportedAt } = request;
  const first = clippings[0]!;
  const single = clippings.length === 1;
  doc.setTitle(single ? first.title : label(options.language, 'documentTitle', { count: clippings.length }), {
    showInWindowTitleBar: true,
  });
  doc.setLanguage(single ? first.language : options.language);
  if (single && first.author !== undefined) doc.setAuthor(first.author);
  if (single && first.publication !== undefined) doc.setSubject(first.publication);
  if (single && first.tags.length > 0) doc.setKeywords(first.tags);
  doc.setCreator(label('en', 'appName'));
  doc.setProducer(`${label('en', 'appName')} (Chromium, pdf-lib)`);
  doc.setCreationDate(exportedAt);
  doc.setModificationDate(exportedAt);
}
