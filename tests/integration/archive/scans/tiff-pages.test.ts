// A multi-page TIFF, as scanners write a document of several pages (here CCITT Group 4, bilevel,
// made by ImageMagick): every page is read by OCR and shown, not only the first.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageSize } from '../../../../archive/scans/image-kind.ts';
import { tiffPagesAsPng } from '../../../../archive/scans/tiff-pages.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { scannedJpeg } from '../../../support/ocr-pdfs.ts';
import { tempDir } from '../../../support/temp.ts';

const run = promisify(execFile);
const SCAN = join(import.meta.dirname, '../../../fixtures/scans/khabar.png');
const ONLY_ON_PAGE_1 = 'मछुआरों';
const PAGE_2 = 'जंगल में हाथियों का झुंड देखा गया। वन विभाग ने गाँव वालों को सावधान रहने को कहा।';

let root: string;
let cleanup: () => Promise<void>;
let tiff: Uint8Array;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('press-archive-tiff-'));
  await writeFile(join(root, 'p2.jpg'), await scannedJpeg(PAGE_2));
  const out = join(root, 'pages.tif');
  await run('convert', [
    SCAN,
    join(root, 'p2.jpg'),
    '-colorspace',
    'Gray',
    '-threshold',
    '60%',
    '-compress',
    'Group4',
    out,
  ]);
  tiff = new Uint8Array(await readFile(out));
}, 60_000);
afterAll(() => cleanup?.());

describe('a multi-page TIFF', () => {
  it('decodes every page, at the size ImageMagick reports', async () => {
    const { stdout } = await run('identify', ['-format', '%w %h\n', join(root, 'pages.tif')]);
    const sizes = stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' ').map(Number));
    const pngs = (await tiffPagesAsPng(tiff))!;
    expect(pngs.map((png) => imageSize(png)).map((s) => [s!.width, s!.height])).toEqual(sizes);
    expect(sizes).toHaveLength(2);
    expect(await tiffPagesAsPng(new TextEncoder().encode('II*\0 not really a tiff'))).toBeUndefined();
  });

  it('becomes one clipping of two pages, each read by OCR and stored as PNG', async () => {
    const dir = join(root, 'archive');
    const service = await ArchiveService.open(dir);
    const events: [number, number][] = [];
    const report = await service.importScans(
      { scans: [{ name: 'pages.tif', bytes: tiff }] },
      {
        signal: new AbortController().signal,
        progress: (step, done, total) => void (step === 'recognized' && events.push([done, total])),
        check: () => {},
      },
    );
    expect(report).toMatchObject({ added: 1, errors: [] });
    expect(events).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    const clipping = await service.get({ id: report.addedIds[0]! });
    expect(clipping.body).toContain(ONLY_ON_PAGE_1);
    expect(clipping.body).toContain('हाथियों');
    const [scan] = clipping.scans!;
    expect(scan!.mime).toBe('image/tiff');
    expect(scan!.pages).toHaveLength(2);
    for (const page of scan!.pages) {
      const image = await service.scanImage({ id: clipping.id, sha256: page.image });
      expect(image.mime).toBe('image/png');
      expect(page.lines.length).toBeGreaterThan(0);
    }
    expect((await checkArchive(dir)).ok).toBe(true);
    await service.close();
  }, 180_000);
});
