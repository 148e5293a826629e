// Real PDFs of the kinds a Hindi archivist receives, made for the text-layer tests:
//  - a "searchable PDF" made by the tesseract CLI from a scan: the scan's JPEG with an invisible
//    Unicode text layer (a good layer);
//  - Hindi printed by Chromium in Noto Devanagari: its layer maps the alternate glyphs of ि, reph
//    and half letters to U+0000, so PDF.js reads holes in the words;
//  - Hindi in a legacy 8-bit font: the Kruti Dev key codes set in a Latin font, which is exactly
//    what such a PDF's text layer holds (`dkuiqj` for कानपुर);
//  - Unicode in visual order, as broken converters write it (ि before its consonant);
//  - English (a good layer in another language);
//  - a scan: one JPEG per page and no text at all, as scanners and e-paper sites write.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.ts';

/** Kruti Dev 010 codes of a Hindi news text (कानपुर में पुलिस कमिश्नर ने कहा कि उत्तर प्रदेश …). */
export const KRUTI_DEV_TEXT =
  "dkuiqj esa iqfyl dfe'uj us dgk fd mÙkj izns'k ljdkj vkSj iqfyl us feydj dke fd;k gSA " +
  "ih,lh ds ,d gtkj tokuksa dks 'kgj esa rSukr fd;k x;k gS vkSj ;krk;kr O;oLFkk esa lq/kkj gqvk gSA " +
  'fiNys pkj o"kZ esa vijk/k de gqvk gS] ,slk iqfyl dk nkok gSA';

/** Moves every ि in front of the consonant cluster it follows: the visual order of broken layers. */
export function visualOrder(text: string): string {
  return text.replace(/((?:[\u0915-\u0939]\u093C?\u094D)*[\u0915-\u0939]\u093C?)\u093F/gu, '\u093F$1');
}

export const ENGLISH_TEXT =
  'The district administration said on Friday that the new bridge over the river will be opened ' +
  'to traffic next month. It was built in two years at a cost of 48 crore rupees, and it is the ' +
  'first of three bridges that the state has planned for the region.';

function html(text: string, font: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 2cm; font: 14pt/1.6 '${font}'; }
  </style></head><body><p>${escaped}</p></body></html>`;
}

/** Chromium prints each text on its own PDF page, in the given font. */
export async function printedPdfs(pages: { text: string; font: string }[]): Promise<Uint8Array[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const out: Uint8Array[] = [];
    for (const { text, font } of pages) {
      await page.setContent(html(text, font));
      await page.evaluate(() => document.fonts.ready);
      out.push(new Uint8Array(await page.pdf({ format: 'A4' })));
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** A JPEG "scan" of a Hindi text: Chromium's screenshot of it, at 2× like a 200-dpi scan. */
export async function scannedJpeg(text: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 700, height: 400 } });
    await page.setContent(html(text, 'Noto Serif Devanagari'));
    await page.evaluate(() => document.fonts.ready);
    return new Uint8Array(await page.screenshot({ type: 'jpeg', quality: 80, fullPage: true }));
  } finally {
    await browser.close();
  }
}

/** A PDF whose pages are the given JPEGs, each filling its page, with no text layer. */
export async function scannedPdf(jpegs: Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const jpeg of jpegs) {
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([image.width * 0.36, image.height * 0.36]); // 200 dpi
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return doc.save();
}

/** One PDF of several: every page of each, in order. */
export async function joinPdfs(parts: Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const part of parts) {
    const source = await PDFDocument.load(part);
    for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
  }
  return doc.save();
}

/**
 * The tesseract CLI's searchable PDF of a JPEG (the image, with its OCR text as an invisible
 * layer), and the OCR text it wrote beside it: what the layer must read back as.
 */
export async function searchablePdf(jpeg: Uint8Array, dir: string): Promise<{ pdf: Uint8Array; text: string }> {
  await writeFile(join(dir, 'scan.jpg'), jpeg);
  await promisify(execFile)('tesseract', ['scan.jpg', 'searchable', '-l', 'hin', '--psm', '3', 'txt', 'pdf'], {
    cwd: dir,
  });
  return {
    pdf: new Uint8Array(await readFile(join(dir, 'searchable.pdf'))),
    text: await readFile(join(dir, 'searchable.txt'), 'utf8'),
  };
}
