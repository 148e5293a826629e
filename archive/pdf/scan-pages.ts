// The scan images of the clippings, as pages of the exported PDF: each clipping's scan pages come
// first, one image a page fitted inside the margins, then its text. The images go in as they are
// stored (a JPEG stays the same JPEG, a PNG is embedded losslessly); only WebP, which PDF cannot
// hold, is turned into PNG. They are added with pdf-lib after Chromium printed the text, so no
// image is ever put into the HTML that is printed.
import type { PDFDocument } from 'pdf-lib';
import type { Clipping } from '../clipping.ts';
import { sniffMime } from '../scans/image-kind.ts';
import { MARGIN_MM } from './document-html.ts';
import { PAPER_MM, type PageSize } from './options.ts';
import type { OutlineTarget } from './outline.ts';

const PT_PER_MM = 72 / 25.4;

/** The bytes of a stored page image, by its SHA-256 (checked against it). */
export type ScanImageReader = (sha256: string) => Promise<Uint8Array>;

/** Every page image of a clipping, in order. */
export function scanPageImages(clipping: Clipping): string[] {
  return (clipping.scans ?? []).flatMap((scan) => scan.pages.map((page) => page.image));
}

/**
 * Puts each clipping's scan pages in front of its text. `starts` (where each clipping's text
 * begins) are shifted by the pages put in before them. Returns where each clipping now begins
 * (its first scan page, or its text) and where its text begins.
 */
export async function insertScanPages(
  doc: PDFDocument,
  clippings: readonly Clipping[],
  starts: readonly OutlineTarget[],
  pageSize: PageSize,
  readImage: ScanImageReader,
): Promise<{ starts: OutlineTarget[]; textStarts: number[] }> {
  const paper = PAPER_MM[pageSize];
  const [width, height] = [paper.width * PT_PER_MM, paper.height * PT_PER_MM];
  const box = {
    x: MARGIN_MM.left * PT_PER_MM,
    top: height - MARGIN_MM.top * PT_PER_MM,
    width: (paper.width - MARGIN_MM.left - MARGIN_MM.right) * PT_PER_MM,
    height: (paper.height - MARGIN_MM.top - MARGIN_MM.bottom) * PT_PER_MM,
  };
  let added = 0;
  const newStarts: OutlineTarget[] = [];
  const textStarts: number[] = [];
  for (const [i, clipping] of clippings.entries()) {
    const start = starts[i]!;
    const at = start.page + added;
    const images = scanPageImages(clipping);
    for (const [k, hash] of images.entries()) {
      const image = await embed(doc, await readImage(hash));
      const scale = Math.min(box.width / image.width, box.height / image.height);
      const page = doc.insertPage(at + k, [width, height]);
      const [w, h] = [image.width * scale, image.height * scale];
      page.drawImage(image, { x: box.x + (box.width - w) / 2, y: box.top - h, width: w, height: h });
    }
    newStarts.push(images.length > 0 ? { page: at, top: height } : { ...start, page: at });
    textStarts.push(at + images.length);
    added += images.length;
  }
  return { starts: newStarts, textStarts };
}

async function embed(doc: PDFDocument, bytes: Uint8Array) {
  const mime = sniffMime(bytes);
  if (mime === 'image/jpeg') return doc.embedJpg(bytes);
  if (mime === 'image/png') return doc.embedPng(bytes);
  // WebP (the only other kind a page image is stored as): decoded and written as PNG by Skia.
  const { loadImage, createCanvas } = await import('@napi-rs/canvas');
  const decoded = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(decoded.width, decoded.height);
  canvas.getContext('2d').drawImage(decoded, 0, 0);
  return doc.embedPng(canvas.toBuffer('image/png'));
}
