// PDFs for OCR: which pages' text layers are used and which are sent to OCR (with the figures the
// decision rests on), and the two ways to get a page image in Node without system libraries —
// the page's own embedded JPEG, or a rendering by pdfjs on @napi-rs/canvas — timed, with the CER
// of tesseract.js on each.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'vitest';
import { embeddedPageJpeg, readPdfTextLayer, renderPdfPage } from '../archive/ocr/pdf-text-layer.ts';
import { FIRST_ARTICLE_TEXT } from '../archive/seed/index.ts';
import {
  ENGLISH_TEXT,
  KRUTI_DEV_TEXT,
  joinPdfs,
  printedPdfs,
  scannedJpeg,
  scannedPdf,
  searchablePdf,
} from '../tests/support/ocr-pdfs.ts';
import { tempDir } from '../tests/support/temp.ts';
import { characterErrorRate } from './ocr/cer.ts';
import { npmModel, tesseractJs } from './ocr/engines.ts';
import { makeScans, scanSpecs } from './ocr/make-scans.ts';
import { markdownTable, RESULTS_DIR, writeResult } from './support/table.ts';

const PARTS = new Set((process.env.BENCH_OCR_PDF_PARTS ?? 'layers,raster').split(','));

it.runIf(PARTS.has('layers'))('ocr-pdf: which text layers are used', async () => {
  const { dir, cleanup } = await tempDir('press-archive-bench-pdf-layers-');
  try {
    const hindi = FIRST_ARTICLE_TEXT.split('\n')[0]!;
    const jpeg = await scannedJpeg(hindi);
    const kinds = [
      'searchable PDF by tesseract (scan + Unicode layer)',
      'Hindi printed by Chromium, Noto Serif Devanagari',
      'Hindi printed by Chromium, Noto Sans Devanagari',
      'Kruti Dev codes in a Latin font (legacy e-paper)',
      'English printed by Chromium',
      'scan only (one JPEG, no text)',
    ];
    const printed = await printedPdfs([
      { text: FIRST_ARTICLE_TEXT, font: 'Noto Serif Devanagari' },
      { text: FIRST_ARTICLE_TEXT, font: 'Noto Sans Devanagari' },
      { text: KRUTI_DEV_TEXT, font: 'DejaVu Sans' },
      { text: ENGLISH_TEXT, font: 'DejaVu Serif' },
    ]);
    const pdf = await joinPdfs([(await searchablePdf(jpeg, dir)).pdf, ...printed, await scannedPdf([jpeg])]);
    const start = performance.now();
    const pages = await readPdfTextLayer(pdf);
    const ms = performance.now() - start;
    const rows = pages.map((p, i) => {
      const f = p.figures;
      return [
        p.page,
        kinds[i] ?? '',
        p.verdict.use ? `use (${p.verdict.reason})` : `OCR (${p.verdict.reason})`,
        f.letters,
        f.devanagari,
        f.latin,
        f.unmapped,
        f.foreign,
        f.devanagariFaults,
        `${f.codedWords} / ${f.latinWords}`,
        `${f.englishWords}`,
      ];
    });
    await writeResult(
      'ocr-4-pdf-layers',
      'PDF text layers: use or OCR, per page (archive/ocr/pdf-text-layer.ts, pdfjs-dist)',
      markdownTable(
        [
          'page',
          'made as',
          'decision',
          'letters',
          'Devanagari',
          'Latin',
          'unmapped (U+0000 …)',
          'foreign',
          'Devanagari faults',
          'coded / Latin words',
          'English words',
        ],
        rows,
      ),
      `All ${pages.length} pages read and judged in ${ms.toFixed(0)} ms.`,
    );
  } finally {
    await cleanup();
  }
});

it.runIf(PARTS.has('raster'))('ocr-pdf: page image from a scanned PDF, embedded JPEG vs rendering', async () => {
  const scansDir = join(RESULTS_DIR, 'ocr-pdf-scans');
  const specs = (await scanSpecs()).filter((s) => ['s03-issue-recipe', 's07-photo'].includes(s.id));
  const scans = await makeScans(scansDir, specs);
  const pdf = await scannedPdf(await Promise.all(scans.map((s) => readFile(s.image))));
  const { dir, cleanup } = await tempDir('press-archive-bench-pdf-raster-');
  const engine = await tesseractJs('tesseract.js, npm hin+eng', [npmModel('hin'), npmModel('eng')], dir);
  const rows: (string | number)[][] = [];
  try {
    for (const [index, scan] of scans.entries()) {
      const page = index + 1;
      const ways: [string, () => Promise<Uint8Array>][] = [
        ['embedded JPEG (pdf-lib)', async () => (await embeddedPageJpeg(pdf, page))!],
        ['pdfjs + @napi-rs/canvas, 200 dpi', () => renderPdfPage(pdf, page, 200)],
        ['pdfjs + @napi-rs/canvas, 300 dpi', () => renderPdfPage(pdf, page, 300)],
      ];
      for (const [way, get] of ways) {
        const start = performance.now();
        const image = await get();
        const getMs = performance.now() - start;
        const ocrStart = performance.now();
        const text = await engine.recognize(Buffer.from(image));
        const ocrMs = performance.now() - ocrStart;
        rows.push([
          scan.id,
          way,
          `${getMs.toFixed(0)} ms`,
          `${Math.round(image.length / 1024)} KiB`,
          `${(ocrMs / 1000).toFixed(1)} s`,
          `${(characterErrorRate(scan.truth, text) * 100).toFixed(2)} %`,
        ]);
      }
    }
  } finally {
    await engine.close();
    await cleanup();
  }
  await writeResult(
    'ocr-5-pdf-raster',
    'PDF page image for OCR in Node: the embedded JPEG or a rendering (scans placed at 200 dpi)',
    markdownTable(['scan', 'page image from', 'time to get it', 'size', 'OCR time', 'CER'], rows),
  );
});
