// Reads PDFs back the way a person's tools would: poppler's pdfinfo, pdffonts, pdftotext and
// pdftoppm, and pdf-lib for the outline (poppler 22 prints no outline).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

const run = promisify(execFile);

export interface PdfInfo {
  pages: number;
  /** e.g. "594.96 x 841.92 pts (A4)" */
  pageSize: string;
  width: number;
  height: number;
  tagged: boolean;
  title: string;
}

export async function pdfInfo(file: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1]?.trim() ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  return {
    pages: Number(field('Pages')),
    pageSize: field('Page size'),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    tagged: field('Tagged') === 'yes',
    title: field('Title'),
  };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object, id
      const parts = line.trim().split(/\s+/);
      return { name: parts[0]!, type: parts.slice(1, -6).join(' '), embedded: parts.at(-5) === 'yes' };
    });
}

export interface TextArea {
  /** In PDF points from the top left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The text of some pages (1-based, inclusive), optionally of one area of each page. -layout keeps
 * the hyphen of a word broken at a line end (the default mode joins such words).
 */
export async function pdfText(file: string, options: { first?: number; last?: number; area?: TextArea } = {}) {
  const args = ['-layout', '-enc', 'UTF-8'];
  if (options.first !== undefined) args.push('-f', String(options.first));
  if (options.last !== undefined) args.push('-l', String(options.last));
  if (options.area) {
    const { x, y, width, height } = options.area;
    args.push('-x', String(Math.round(x)), '-y', String(Math.round(y)));
    args.push('-W', String(Math.round(width)), '-H', String(Math.round(height)));
  }
  const { stdout } = await run('pdftotext', [...args, file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** pdftotext splits a few syllables (कु मार) and lays text out with spaces: compare without any. */
export function squeeze(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '');
}

const MM = 72 / 25.4;

/** The text area of a page: between the running head and the page number. */
export function bodyArea(info: PdfInfo): TextArea {
  return { x: 0, y: 20 * MM, width: info.width, height: info.height - 20 * MM - 19 * MM };
}

export const headArea = (info: PdfInfo): TextArea => ({ x: 0, y: 0, width: info.width, height: 20 * MM });
export const footArea = (info: PdfInfo): TextArea => ({
  x: 0,
  y: info.height - 19 * MM,
  width: info.width,
  height: 19 * MM,
});

export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
}

function decode(value: unknown): string {
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : '';
}

/** The top-level bookmarks of a PDF, with the page each points to. */
export async function pdfOutline(file: string): Promise<OutlineEntry[]> {
  const doc = await PDFDocument.load(await readFile(file));
  const pageNumber = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const entries: OutlineEntry[] = [];
  let item = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const target = item.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
    entries.push({
      title: decode(item.get(PDFName.of('Title'))),
      page: target instanceof PDFRef ? (pageNumber.get(target.toString()) ?? 0) : 0,
    });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return entries;
}

/** Renders pages to PNG (prefix-N.png), for a person to look at. */
export async function renderPages(
  file: string,
  prefix: string,
  options: { first?: number; last?: number; dpi?: number } = {},
) {
  const args = ['-png', '-r', String(options.dpi ?? 60)];
  if (options.first !== undefined) args.push('-f', String(options.first));
  if (options.last !== undefined) args.push('-l', String(options.last));
  await run('pdftoppm', [...args, file, prefix]);
}
