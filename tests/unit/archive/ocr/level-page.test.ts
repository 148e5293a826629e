// Levelling a page for OCR through real image bytes (PNG in, PNG out, @napi-rs/canvas): a page
// turned by a known angle comes back levelled, a level one is left alone, and a box found on the
// levelled copy is turned back onto the same ink of the original.
import { describe, expect, it } from 'vitest';
import { boxOnOriginal, decodeGray, encodePng, levelPage } from '../../../../archive/ocr/level-page.ts';
import { otsuThreshold, rotate, type Gray } from '../../../../archive/ocr/preprocess.ts';

/** A white page with one dark bar (a "line of text") and a few shorter ones below it. */
function page(): Gray {
  const width = 800;
  const height = 500;
  const data = new Uint8Array(width * height).fill(250);
  const bar = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) data.fill(20, y * width + x0, y * width + x1);
  };
  bar(100, 120, 700, 140);
  for (let line = 0; line < 6; line++) bar(100, 200 + line * 40, 400 + line * 40, 218 + line * 40);
  return { width, height, data };
}

/** The box [x, y, w, h] around the ink inside a region of the image. */
function inkBox(gray: Gray, region: [number, number, number, number]): [number, number, number, number] {
  const threshold = otsuThreshold(gray);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let y = region[1]; y < region[1] + region[3]; y++)
    for (let x = region[0]; x < region[0] + region[2]; x++)
      if (gray.data[y * gray.width + x]! < threshold) {
        left = Math.min(left, x);
        top = Math.min(top, y);
        right = Math.max(right, x + 1);
        bottom = Math.max(bottom, y + 1);
      }
  return [left, top, right - left, bottom - top];
}

describe('levelPage', () => {
  it('leaves a level page alone', async () => {
    expect(await levelPage(await encodePng(page()))).toBeUndefined();
  });

  it('levels a page turned by 2°, and turns a box on the levelled copy back onto the original ink', async () => {
    const turned = rotate(page(), 2);
    const levelled = await levelPage(await encodePng(turned));
    expect(levelled).toBeDefined();
    expect(Math.abs(Math.abs(levelled!.skew) - 2)).toBeLessThan(0.1);
    expect([levelled!.width, levelled!.height]).toEqual([800, 500]);

    const level = await decodeGray(levelled!.png);
    // The long bar is level again: its ink is about as tall as it was drawn (20 px), not 20 + 600·tan 2°.
    const onLevel = inkBox(level, [50, 80, 700, 90]);
    expect(onLevel[3]).toBeLessThan(26);
    // Turned back, that box covers the bar's ink on the original within a pixel or two.
    const onOriginal = inkBox(turned, [50, 80, 700, 90]);
    const back = boxOnOriginal(onLevel, levelled!);
    expect(back[0]).toBeLessThanOrEqual(onOriginal[0] + 2);
    expect(back[1]).toBeLessThanOrEqual(onOriginal[1] + 2);
    expect(back[0] + back[2]).toBeGreaterThanOrEqual(onOriginal[0] + onOriginal[2] - 2);
    expect(back[1] + back[3]).toBeGreaterThanOrEqual(onOriginal[1] + onOriginal[3] - 2);
  });

  it('says nothing for bytes that are not an image', async () => {
    expect(await levelPage(new TextEncoder().encode('not an image'))).toBeUndefined();
  });
});
