// PDFs as scans, with real PDFs and real OCR: each page becomes a page of the clipping's scan, its
// text from a sound text layer (a searchable PDF made by the tesseract CLI) or by OCR (Chromium's
// Hindi layer with holes, rendered; a scanned page, read from its own JPEG). The PDF is stored by
// content and checked; pages are counted in the progress; a cancel leaves the archive as it was; a
// PDF without any text, or one that is not a PDF inside, is named in the report while the others are
// imported.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../../../archive/progress.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import type { TaskRun } from '../../../../archive/tasks.ts';
import { FIRST_ARTICLE_TEXT } from '../../../../archive/seed/index.ts';
import { runCli } from '../../../support/cli.ts';
import { joinPdfs, printedPdfs, scannedJpeg, scannedPdf, searchablePdf } from '../../../support/ocr-pdfs.ts';
import { closeSharedOcr } from '../../../support/shared-ocr.ts';
import { tempDir } from '../../../support/temp.ts';

// One real OCR engine for the file, each image read once (tests/support/shared-ocr.ts): the tests
// after the first get what it read from the same bytes, without starting tesseract.js again.
vi.mock('../../../../archive/ocr/recognize.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../archive/ocr/recognize.ts')>();
  const { sharingOcr } = await import('../../../support/shared-ocr.ts');
  return { ...real, createOcrEngine: sharingOcr(real.createOcrEngine) };
});

const run = promisify(execFile);
const LAYER_TEXT = FIRST_ARTICLE_TEXT.split('\n')[0]!;
/** Printed by Chromium: its layer has holes, so the page is rendered and read by OCR. */
const PRINTED_TEXT = 'पंचायत ने तालाब की सफ़ाई के लिए नई योजना बनाई और गाँव के लोगों से मदद माँगी।';
/** A scanned page with no text layer: read by OCR from its JPEG. */
const SCANNED_TEXT = 'जंगल में हाथियों का झुंड देखा गया। वन विभाग ने गाँव वालों को सावधान रहने को कहा।';

let root: string;
let cleanup: () => Promise<void>;
let mixedPath: string;
let blankPath: string;
let mixed: Uint8Array;
let scanJpeg: Uint8Array;
let searchableJpeg: Uint8Array;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('press-archive-scan-pdf-'));
  searchableJpeg = await scannedJpeg(LAYER_TEXT);
  scanJpeg = await scannedJpeg(SCANNED_TEXT);
  const searchable = await searchablePdf(searchableJpeg, root);
  const [printed] = await printedPdfs([{ text: PRINTED_TEXT, font: 'Noto Serif Devanagari' }]);
  mixed = await joinPdfs([searchable.pdf, printed!, await scannedPdf([scanJpeg])]);
  mixedPath = join(root, 'akhbar.pdf');
  await writeFile(mixedPath, mixed);
  const blank = await PDFDocument.create();
  blank.addPage([300, 400]);
  blankPath = join(root, 'khali.pdf');
  await writeFile(blankPath, await blank.save());
}, 120_000);
afterAll(async () => {
  await closeSharedOcr();
  await cleanup?.();
});

describe('a PDF imported as a scan', () => {
  it('becomes one clipping: each page from its text layer or by OCR, the PDF kept and checked', async () => {
    const dir = join(root, 'service');
    const service = await ArchiveService.open(dir);
    const events: Progress[] = [];
    const report = await service.importScans(
      {
        scans: [
          { name: 'akhbar.pdf', bytes: mixed },
          { name: 'khali.pdf', bytes: await readFile(blankPath) },
          { name: 'toota.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nनहीं, यह PDF नहीं है') },
        ],
      },
      {
        signal: new AbortController().signal,
        progress: (step, done, total) => events.push({ task: 't', kind: 'import', step, done, total }),
        check: () => {},
      },
    );
    // The blank PDF is named; the other is imported.
    expect(report).toMatchObject({ added: 1, skipped: 0 });
    expect(report.errors).toEqual([
      expect.objectContaining({ file: 'khali.pdf', error: { code: 'noTextInScan', params: { file: 'khali.pdf' } } }),
      expect.objectContaining({
        file: 'toota.pdf',
        error: expect.objectContaining({
          code: 'unreadableFile',
          params: expect.objectContaining({ file: 'toota.pdf' }),
        }),
      }),
    ]);
    // Progress counts pages, of all files, from the start.
    expect(events.filter((e) => e.step === 'recognized').map((e) => [e.done, e.total])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    const clipping = await service.get({ id: report.addedIds[0]! });
    // The title is proposed from the first line of the first page's layer.
    expect(clipping.title.startsWith('उत्तर प्रदेश सरकार के 8 वर्ष')).toBe(true);
    for (const word of ['कमिश्नरी', 'तालाब', 'हाथियों']) expect(clipping.body).toContain(word);
    const [scan] = clipping.scans!;
    expect(scan).toMatchObject({ sha256: sha(mixed), mime: 'application/pdf', name: 'akhbar.pdf' });
    expect(scan!.pages.map((p) => p.source)).toEqual(['text-layer', 'ocr', 'ocr']);
    // Scanned pages show their own JPEG; the printed page a rendering of it (PNG).
    expect(scan!.pages[0]!.image).toBe(sha(searchableJpeg));
    expect(scan!.pages[2]!.image).toBe(sha(scanJpeg));
    const rendered = await service.scanImage({ id: clipping.id, sha256: scan!.pages[1]!.image });
    expect(rendered.mime).toBe('image/png');
    // The text layer's lines have boxes on the page image: inside it, in reading order.
    const layerPage = scan!.pages[0]!;
    expect(layerPage.lines.length).toBeGreaterThanOrEqual(3);
    for (const { box } of layerPage.lines) {
      expect(box[0] + box[2]).toBeLessThanOrEqual(layerPage.width + 1);
      expect(box[1] + box[3]).toBeLessThanOrEqual(layerPage.height + 1);
    }
    expect(layerPage.lines[1]!.box[1]).toBeGreaterThan(layerPage.lines[0]!.box[1]);
    // The stored PDF is the very file, and poppler reads it.
    const stored = join(dir, `scans/${sha(mixed).slice(0, 2)}/${sha(mixed)}.pdf`);
    expect(sha(await readFile(stored))).toBe(sha(mixed));
    const { stdout } = await run('pdfinfo', [stored]);
    expect(stdout).toMatch(/Pages:\s+3/);
    expect((await checkArchive(dir)).ok).toBe(true);
    // check notices a changed PDF.
    const bytes = await readFile(stored);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 1;
    await writeFile(stored, bytes);
    expect((await checkArchive(dir)).ok).toBe(false);
    await service.close();
  }, 180_000);

  it('a cancel between pages leaves the archive as it was', async () => {
    const dir = join(root, 'cancelled');
    const service = await ArchiveService.open(dir);
    const before = await service.list();
    const controller = new AbortController();
    const cancelling: TaskRun = {
      signal: controller.signal,
      progress: (step, done) => {
        if (step === 'recognized' && done === 1) controller.abort();
      },
      check: () => {
        if (controller.signal.aborted) throw new Error('cancelled');
      },
    };
    await expect(service.importScans({ scans: [{ name: 'akhbar.pdf', bytes: mixed }] }, cancelling)).rejects.toThrow(
      'cancelled',
    );
    expect(await service.list()).toEqual(before);
    await service.close();
  }, 60_000);

  it('the CLI: import page.pdf, then search finds a word only on its scanned page; add --scan page.pdf', async () => {
    const dir = join(root, 'cli');
    const imported = await runCli(['import', '--archive', dir, mixedPath, blankPath, '--json']);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as { added: number; errors: { file: string }[] };
    expect(report.added).toBe(1);
    expect(report.errors.map((e) => e.file)).toEqual(['khali.pdf']);
    const found = await runCli(['search', '--archive', dir, 'हाथियों', '--json']);
    expect((JSON.parse(found.stdout) as { hits: unknown[] }).hits).toHaveLength(1);

    const other = join(root, 'cli-add');
    const added = await runCli(['add', '--archive', other, '--scan', mixedPath, '--publication', 'नगर समाचार']);
    expect(added.code).toBe(0);
    const clipping = await (await ArchiveService.open(other)).get({ id: added.stdout.trim() });
    expect(clipping.publication).toBe('नगर समाचार');
    expect(clipping.scans![0]!.pages).toHaveLength(3);
  }, 240_000);
});
