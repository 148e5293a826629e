// The text layer of each page of a PDF, read with pdfjs-dist (Mozilla's PDF.js, legacy build for
// Node), and for each page the decision: use that text, or OCR the page because its layer is
// missing or garbage (text-layer-quality.ts). For pages to OCR, the page image: the scan the page
// is made of when it is one embedded JPEG (exact, and no rendering), else a rendering of the page
// with pdfjs on @napi-rs/canvas (a prebuilt Skia binary from npm: no system libraries needed).
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { judgeTextLayer, type TextLayerFigures, type TextLayerVerdict } from './text-layer-quality.ts';

export interface PdfPageText {
  /** 1-based, as people count pages. */
  page: number;
  /** The layer's text, NFC, with pdfjs's line ends kept. */
  text: string;
  verdict: TextLayerVerdict;
  figures: TextLayerFigures;
  /** The layer's lines, each with its box in points from the page's top left: [x, y, width, height]. */
  lines: { text: string; box: [number, number, number, number] }[];
  /** The page's size in points (its crop box, turned as it is shown). */
  width: number;
  height: number;
}

// pdfjs's legacy build is the one meant for Node; it is loaded on first use so that importing this
// module costs nothing until a PDF arrives.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  // A copy: pdfjs takes ownership of (detaches) the buffer it is given.
  return getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false, // no code generated from the file's content
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

/** Every page's text layer and whether to use it. */
export async function readPdfTextLayer(bytes: Uint8Array): Promise<PdfPageText[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const viewport = page.getViewport({ scale: 1 });
      let text = '';
      const lines: PdfPageText['lines'] = [];
      let line = { text: '', x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
      const endLine = () => {
        const lineText = line.text.normalize('NFC').replace(/\s+/gu, ' ').trim();
        if (lineText !== '' && line.x1 > line.x0) {
          lines.push({ text: lineText, box: [line.x0, line.y0, line.x1 - line.x0, line.y1 - line.y0] });
        }
        line = { text: '', x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
      };
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
        line.text += item.str;
        if (item.str.trim() !== '') {
          // The item's rectangle in the page's space, turned into the shown page's (top left origin).
          const [e, f] = [item.transform[4] as number, item.transform[5] as number];
          const [ax, ay, bx, by] = viewport.convertToViewportRectangle([e, f, e + item.width, f + item.height]);
          line.x0 = Math.min(line.x0, ax, bx);
          line.x1 = Math.max(line.x1, ax, bx);
          line.y0 = Math.min(line.y0, ay, by);
          line.y1 = Math.max(line.y1, ay, by);
        }
        if (item.hasEOL) endLine();
      }
      endLine();
      text = text.normalize('NFC');
      const { verdict, figures } = judgeTextLayer(text);
      pages.push({ page: n, text, verdict, figures, lines, width: viewport.width, height: viewport.height });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * The JPEG a page is made of, when the page shows exactly one image and that image is stored as a
 * plain JPEG (DCTDecode, no other filter): what scanners and e-paper sites write. Its bytes are a
 * complete JPEG file, at the scan's own resolution, with nothing lost to re-rendering.
 */
export async function embeddedPageJpeg(bytes: Uint8Array, page: number): Promise<Uint8Array | undefined> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pdfPage = doc.getPages()[page - 1];
  if (!pdfPage) throw new RangeError(`The PDF has no page ${page}.`);
  const xObjects = pdfPage.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xObjects) return undefined;
  const images: PDFRawStream[] = [];
  for (const [, value] of xObjects.entries()) {
    const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(object instanceof PDFRawStream)) continue;
    const subtype = object.dict.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) images.push(object);
    else if (subtype === PDFName.of('Form')) return undefined; // nested content: render instead
  }
  if (images.length !== 1) return undefined;
  const filter = images[0]!.dict.get(PDFName.of('Filter'));
  const dct = filter === PDFName.of('DCTDecode') || filter?.toString() === '[ /DCTDecode ]';
  return dct ? images[0]!.contents : undefined;
}

/** Renders one page to PNG at `dpi` (300 suits OCR of newsprint), with pdfjs on @napi-rs/canvas. */
export async function renderPdfPage(bytes: Uint8Array, page: number, dpi = 300): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await openPdf(bytes);
  try {
    if (page < 1 || page > doc.numPages) throw new RangeError(`The PDF has no page ${page}.`);
    const pdfPage = await doc.getPage(page);
    const viewport = pdfPage.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff'; // PDF pages are white where nothing is drawn; PNG would be clear
    context.fillRect(0, 0, canvas.width, canvas.height);
    await pdfPage.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}
