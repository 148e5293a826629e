// A scanned clipping through the whole app (`press-archive serve`, real OCR, real disk): a scan
// made from known Hindi text (scripts/make-scan-fixture.js) is dropped on the window or chosen in
// "Import files"; the page sees the archive's progress events, finds the clipping by a word that
// is only in the scan, and opens it with the scan beside its text.
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Progress } from '../../archive/api.ts';
import { joinPdfs, scannedPdf, searchablePdf } from '../support/ocr-pdfs.ts';
import { tempDir } from '../support/temp.ts';
import { expect, test } from './fixtures.ts';

const SCAN = join(import.meta.dirname, '../fixtures/scans/khabar.jpg');
/** In the scan's text only (the archive's first clipping does not have it). */
const ONLY_IN_SCAN = 'मछुआरों';
/** OCR of a page on a busy machine (the models load first): a watchdog, not a measure. */
const OCR = { timeout: 180_000 };
test.describe.configure({ timeout: 300_000 });

/** Records every progress event the archive sends this page from now on. */
async function recordProgress(app: Page): Promise<void> {
  await app.evaluate(() => {
    const events: unknown[] = [];
    (window as unknown as { __progress: unknown[] }).__progress = events;
    window.pressArchive.onProgress((event) => events.push(event));
  });
}

async function progressEvents(app: Page): Promise<Progress[]> {
  return app.evaluate(() => (window as unknown as { __progress: Progress[] }).__progress);
}

/** Serious and critical axe findings on the page as it is now, one line each. */
async function axeFindings(app: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: app })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function findAndOpen(app: Page): Promise<void> {
  await app.getByTestId('search-input').fill(ONLY_IN_SCAN);
  const row = app.getByTestId('result-item');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('भोपाल में झील की सफ़ाई शुरू');
  await expect(row.getByRole('img', { name: 'From a scan' })).toBeVisible();
  await row.click();
  const reader = app.getByTestId('reader');
  await expect(reader.getByTestId('reader-body')).toContainText(ONLY_IN_SCAN);
  const image = reader.getByTestId('scan-image');
  await expect(image).toBeVisible();
  // The picture really decoded (a broken blob: URL gives an image of no size).
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1256);
  expect(await image.getAttribute('src')).toMatch(/^blob:/);
}

test('a scan chosen in Import files becomes a clipping found by a word only in the scan', async ({ app }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  await recordProgress(app);
  await app.getByTestId('import-input').setInputFiles(SCAN);
  await expect(app.getByTestId('import-added')).toHaveText('Added: 1', OCR);

  const events = await progressEvents(app);
  const recognized = events.filter((e) => e.step === 'recognized');
  expect(recognized.at(0)).toMatchObject({ kind: 'import', done: 0, total: 1 });
  expect(recognized.at(-1)).toMatchObject({ kind: 'import', done: 1, total: 1 });
  expect(events.some((e) => e.step === 'bytes')).toBe(true);
  expect(events.findIndex((e) => e.step === 'recognized')).toBeLessThan(events.findIndex((e) => e.step === 'added'));

  await findAndOpen(app);

  // Choosing a line of the text marks its place on the scan.
  const reader = app.getByTestId('reader');
  await reader.getByText('Lines as read from the scan', { exact: false }).click();
  await reader.getByTestId('scan-line').filter({ hasText: ONLY_IN_SCAN }).click();
  const box = reader.getByTestId('scan-line-box');
  await expect(box).toBeVisible();
  const [frame, marked] = await Promise.all([reader.getByTestId('scan-image').boundingBox(), box.boundingBox()]);
  // The last paragraph of the scan: in its lower half.
  expect(marked!.y - frame!.y).toBeGreaterThan(frame!.height / 2);

  expect(await axeFindings(app)).toEqual([]);

  await reader.getByTestId('scan-zoom-in').click();
  await expect(reader.getByTestId('scan-image')).toHaveJSProperty('width', 1884); // 150% of 1,256 px
});

test('a scan dropped on the window is read, in Hindi too', async ({ app }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  await recordProgress(app);
  const bytes = [...(await readFile(SCAN))];
  const transfer = await app.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'khabar.jpg', { type: 'image/jpeg' }));
    return transfer;
  }, bytes);
  await app.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await app.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(app.getByTestId('import-added')).toHaveText('Added: 1', OCR);
  expect((await progressEvents(app)).some((e) => e.step === 'recognized' && e.done === 1)).toBe(true);
  await findAndOpen(app);
  await app.getByTestId('language-hi').click();
  await expect(app.getByTestId('result-item').getByRole('img', { name: 'स्कैन से' })).toBeVisible();
  await expect(app.getByTestId('scan-image')).toHaveAttribute('alt', /^“भोपाल में झील की सफ़ाई शुरू” का स्कैन/);
  expect(await axeFindings(app)).toEqual([]);
});

test('a PDF chosen in Import files: a page from its text layer, a page by OCR, both shown, exported with its scans', async ({
  app,
}) => {
  // Page 1: the tesseract CLI's searchable PDF of the scan (image + Unicode layer); page 2: the scan
  // alone (read by OCR from its own JPEG).
  const { dir, cleanup } = await tempDir('press-archive-e2e-pdf-');
  try {
    const jpeg = new Uint8Array(await readFile(SCAN));
    const pdf = await joinPdfs([(await searchablePdf(jpeg, dir)).pdf, await scannedPdf([jpeg])]);
    await expect(app.getByTestId('result-item')).toHaveCount(1);
    await recordProgress(app);
    await app
      .getByTestId('import-input')
      .setInputFiles({ name: 'akhbar.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await expect(app.getByTestId('import-added')).toHaveText('Added: 1', OCR);
    const recognized = (await progressEvents(app)).filter((e) => e.step === 'recognized');
    expect(recognized.map((e) => e.done)).toEqual([0, 1, 2]);
    expect(recognized.at(-1)).toMatchObject({ total: 2 });

    await findAndOpen(app); // the first page: the scan's JPEG, out of the PDF
    const reader = app.getByTestId('reader');
    await expect(reader.getByTestId('scan-source')).toHaveText('Page 1: text taken from the PDF’s own text layer');
    await reader.getByRole('button', { name: 'Page 2' }).click();
    await expect(reader.getByTestId('scan-source')).toHaveText('Page 2: text read by OCR');
    await expect
      .poll(() => reader.getByTestId('scan-image').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(1256);

    // Its PDF with the scan images: both pages' JPEGs in front of the text (poppler lists them).
    await reader.getByTestId('export-pdf-scans').check();
    const downloading = app.waitForEvent('download');
    await reader.getByTestId('export-pdf').click();
    const file = join(dir, 'export.pdf');
    await (await downloading).saveAs(file);
    const { stdout } = await promisify(execFile)('pdfimages', ['-list', file]);
    const imagePages = stdout
      .split('\n')
      .filter((row) => /^\s*\d+\s/.test(row))
      .map((row) => row.trim().split(/\s+/)[0]);
    expect(imagePages).toEqual(['1', '2']);
  } finally {
    await cleanup();
  }
});
