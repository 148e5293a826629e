// The text layer of real PDFs, printed by Chromium or built with pdf-lib: a good Hindi layer is
// used, legacy-font codes and visual-order Unicode are sent to OCR, a scan's page yields its own
// JPEG, and a page can be rendered for OCR without native libraries.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPageJpeg, readPdfTextLayer, renderPdfPage } from '../../../../archive/ocr/pdf-text-layer.ts';
import { FIRST_ARTICLE_TEXT } from '../../../../archive/seed/index.ts';
import { characterErrorRate } from '../../../../bench/ocr/cer.ts';
import {
  ENGLISH_TEXT,
  KRUTI_DEV_TEXT,
  joinPdfs,
  printedPdfs,
  scannedJpeg,
  scannedPdf,
  searchablePdf,
} from '../../../support/ocr-pdfs.ts';
import { tempDir } from '../../../support/temp.ts';

const run = promisify(execFile);
const HINDI = FIRST_ARTICLE_TEXT.split('\n')[0]!;

let pdf: Uint8Array;
let jpeg: Uint8Array;
let searchableText: string;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-pdf-layer-'));
  const printed = await printedPdfs([
    { text: HINDI, font: 'Noto Serif Devanagari' },
    { text: KRUTI_DEV_TEXT, font: 'DejaVu Sans' },
    { text: ENGLISH_TEXT, font: 'DejaVu Serif' },
  ]);
  jpeg = await scannedJpeg(HINDI);
  const searchable = await searchablePdf(jpeg, dir);
  searchableText = searchable.text;
  pdf = await joinPdfs([searchable.pdf, ...printed, await scannedPdf([jpeg])]);
  await writeFile(join(dir, 'mixed.pdf'), pdf);
});
afterAll(() => cleanup?.());

describe('PDF text layer', () => {
  it('decides per page: a Unicode Hindi layer and English are used; holes, legacy codes and a scan are OCR’d', async () => {
    const pages = await readPdfTextLayer(pdf);
    expect(pages.map((p) => [p.page, p.verdict])).toEqual([
      [1, { use: true, reason: 'devanagari' }],
      [2, { use: false, reason: 'unmapped-glyphs' }],
      [3, { use: false, reason: 'legacy-font-codes' }],
      [4, { use: true, reason: 'latin' }],
      [5, { use: false, reason: 'no-text' }],
    ]);
  });

  it('a used Hindi layer reads back as the text that was written into it, as poppler reads it', async () => {
    const [page] = await readPdfTextLayer(pdf);
    expect(characterErrorRate(searchableText, page!.text)).toBeLessThan(0.01);
    const { stdout } = await run('pdftotext', ['-f', '1', '-l', '1', join(dir, 'mixed.pdf'), '-']);
    expect(characterErrorRate(stdout, page!.text)).toBeLessThan(0.01);
  });

  it('the holes PDF.js reads in Chromium’s Hindi layer are U+0000 in the file (poppler guesses them)', async () => {
    const [, chromiumPage] = await readPdfTextLayer(pdf);
    expect(chromiumPage!.figures.unmapped).toBeGreaterThan(0.05 * chromiumPage!.figures.letters);
    const { stdout } = await run('pdftotext', ['-f', '2', '-l', '2', join(dir, 'mixed.pdf'), '-']);
    expect(stdout).not.toContain('\u0000');
  });

  it('a scanned page gives back its own JPEG, byte for byte; printed pages have none', async () => {
    expect(Buffer.from((await embeddedPageJpeg(pdf, 5))!).equals(Buffer.from(jpeg))).toBe(true);
    expect(Buffer.from((await embeddedPageJpeg(pdf, 1))!).equals(Buffer.from(jpeg))).toBe(true);
    expect(await embeddedPageJpeg(pdf, 2)).toBeUndefined();
    await expect(embeddedPageJpeg(pdf, 6)).rejects.toThrow(RangeError);
  });

  it('renders a page to PNG at the asked resolution, without system libraries', async () => {
    const png = await renderPdfPage(pdf, 2, 150);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The page's size in points at 150 dpi (IHDR holds width and height, big-endian), to the pixel.
    const { width, height } = (await PDFDocument.load(pdf)).getPage(1).getSize();
    expect(Math.abs(png.readUInt32BE(16) - (width * 150) / 72)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.readUInt32BE(20) - (height * 150) / 72)).toBeLessThanOrEqual(1.5);
    // The text is drawn: dark pixels on the white page.
    const image = await loadImage(png);
    const context = createCanvas(image.width, image.height).getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
    expect(dark).toBeGreaterThan(0.002 * image.width * image.height);
    await expect(renderPdfPage(pdf, 9)).rejects.toThrow(RangeError);
  });
});
