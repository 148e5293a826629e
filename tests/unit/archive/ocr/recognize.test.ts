// OCR of a scan made from known Hindi text (scripts/make-scan-fixture.js): the engine reads it
// offline with the models shipped as npm packages, as NFC text with its paragraphs and line boxes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOcrEngine } from '../../../../archive/ocr/recognize.ts';
import { characterErrorRate } from '../../../support/cer.ts';

const SCANS = join(import.meta.dirname, '../../../fixtures/scans');
const engine = createOcrEngine();
afterAll(() => engine.close());

describe('recognize', () => {
  it('reads the Hindi of a slightly turned JPEG scan, paragraphs kept, with a box for every line', async () => {
    const truth = (await readFile(join(SCANS, 'khabar.hi.txt'), 'utf8')).trim();
    const started = performance.now();
    const page = await engine.recognize(await readFile(join(SCANS, 'khabar.jpg')));
    console.log(`OCR of khabar.jpg: ${Math.round(performance.now() - started)} ms (first page: models load too)`);
    expect(page.text).toBe(page.text.normalize('NFC'));
    expect(page.text).toContain('मछुआरों');
    expect(page.text.split('\n\n')).toHaveLength(3);
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    const cer = characterErrorRate(flat(truth), flat(page.text));
    console.log(`CER khabar.jpg: ${(cer * 100).toFixed(2)}%`);
    expect(cer).toBeLessThan(0.02);
    expect([page.width, page.height]).toEqual([1256, 474]); // as ImageMagick's identify reports it
    expect(page.lines.length).toBeGreaterThanOrEqual(4);
    const fishermen = page.lines.find((l) => l.text.includes('मछुआरों'))!;
    const [x, y, w, h] = fishermen.box;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThan(page.height / 2); // the last paragraph, in the lower half
    expect(x + w).toBeLessThanOrEqual(page.width);
    expect(h).toBeGreaterThan(10);
  });

  it('stops when cancelled, and reads the next page afterwards', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.recognize(await readFile(join(SCANS, 'khabar.png')), controller.signal)).rejects.toMatchObject({
      info: { code: 'cancelled' },
    });
    const page = await engine.recognize(await readFile(join(SCANS, 'khabar.png')));
    expect(page.text).toContain('झील');
  });
});
