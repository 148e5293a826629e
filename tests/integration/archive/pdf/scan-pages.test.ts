// `export-pdf --scans`: a scanned clipping's PDF carries its scan, the very JPEG, on a page before
// its text; without the option the PDF has the text alone. Read back with poppler (pdfimages,
// pdftotext, pdfinfo) and the bookmarks; a page is rendered to PNG to look at.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../../archive/pdf/chromium-printer.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { runCli } from '../../../support/cli.ts';
import { pdfInfo, pdfOutline, pdfText, renderPages, squeeze } from '../../../support/poppler.ts';
import { tempDir } from '../../../support/temp.ts';

const run = promisify(execFile);
const SCAN = join(import.meta.dirname, '../../../fixtures/scans/khabar.jpg');
const printer = chromiumPrinter({ keepAliveMs: 10 * 60_000 });

let root: string;
let archive: string;
let id: string;
let body: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('press-archive-pdf-scans-'));
  archive = join(root, 'archive');
  const service = await ArchiveService.open(archive);
  const report = await service.importScans({ scans: [{ name: 'khabar.jpg', bytes: await readFile(SCAN) }] });
  id = report.addedIds[0]!;
  body = (await service.get({ id })).body;
  await service.close();
}, 180_000);
afterAll(async () => {
  await printer.dispose();
  await cleanup?.();
});

/** pdfimages -list: one row per image (page, type, width, height, enc). */
async function images(file: string) {
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const c = line.trim().split(/\s+/);
      return { page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), enc: c[8] };
    });
}

describe('export-pdf --scans', { timeout: 120_000 }, () => {
  it('puts the scan, the very JPEG, on a page before the text; without it, the text alone', async () => {
    const withScans = join(root, 'with.pdf');
    const result = await runCli(
      ['export-pdf', '--archive', archive, '--id', id, '--scans', '--out', withScans],
      {},
      { printer },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await images(withScans)).toEqual([{ page: 1, width: 1256, height: 474, enc: 'jpeg' }]);
    // The image is embedded as it is stored: extracted, it is the same file.
    await run('pdfimages', ['-j', withScans, join(root, 'img')]);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(await readFile(join(root, 'img-000.jpg')))).toBe(sha(await readFile(SCAN)));
    // Page 1 is the scan (no text on it but the running head); the text follows.
    const info = await pdfInfo(withScans);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect(squeeze(await pdfText(withScans, { first: 2 }))).toContain(squeeze(body.split('\n\n').at(-1)!));
    expect((await pdfOutline(withScans)).map((e) => e.page)).toEqual([1]);
    await renderPages(withScans, join(root, 'with'), { first: 1, last: 2, dpi: 50 });

    const textOnly = join(root, 'without.pdf');
    expect(
      (await runCli(['export-pdf', '--archive', archive, '--id', id, '--out', textOnly], {}, { printer })).code,
    ).toBe(0);
    expect(await images(textOnly)).toEqual([]);
    expect(squeeze(await pdfText(textOnly))).toContain(squeeze(body.split('\n\n').at(-1)!));
    expect((await pdfInfo(textOnly)).pages).toBe(info.pages - 1);
  });

  it('with several clippings, the contents and bookmarks point at each clipping’s first page, its scan', async () => {
    const out = join(root, 'all.pdf');
    const result = await runCli(
      ['export-pdf', '--archive', archive, '--all', '--scans', '--out', out, '--json'],
      {},
      { printer },
    );
    expect(result.code, result.stderr).toBe(0);
    const outline = await pdfOutline(out);
    const scanned = outline.find((e) => e.title === 'भोपाल में झील की सफ़ाई शुरू')!;
    const imagePages = (await images(out)).map((i) => i.page);
    expect(imagePages).toEqual([scanned.page]);
    // The other clipping (the archive's first article) has no scan and starts on a page of its own.
    expect(outline.filter((e) => e !== scanned && e.page > 1).every((e) => !imagePages.includes(e.page))).toBe(true);
  });
});
