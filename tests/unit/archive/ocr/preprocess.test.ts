// Deskew on pixels: a page of text-like lines turned by a known angle is found to be turned by that
// angle and is levelled again; a level page is left as it is.
import { describe, expect, it } from 'vitest';
import {
  deskew,
  estimateSkew,
  otsuThreshold,
  rotate,
  toGray,
  toRgba,
  type Gray,
} from '../../../../archive/ocr/preprocess.ts';
import { random } from '../../../support/random.ts';

/** A white page with 14 lines of "words": dark blocks of random width, like a column of print. */
function page(): Gray {
  const width = 900;
  const height = 700;
  const data = new Uint8Array(width * height).fill(245);
  const next = random(7);
  for (let line = 0; line < 14; line++) {
    const top = 60 + line * 42;
    for (let x = 60; x < width - 80;) {
      const word = 20 + Math.floor(next() * 70);
      for (let y = top; y < top + 18; y++) data.fill(30, y * width + x, y * width + Math.min(x + word, width - 60));
      x += word + 14;
    }
  }
  return { width, height, data };
}

/** How level the lines are: the share of ink in the fullest rows (1 when rows are all or nothing). */
function levelness(gray: Gray): number {
  const threshold = otsuThreshold(gray);
  const rows = [];
  for (let y = 0; y < gray.height; y++) {
    let ink = 0;
    for (let x = 0; x < gray.width; x++) if (gray.data[y * gray.width + x]! < threshold) ink++;
    rows.push(ink);
  }
  const total = rows.reduce((a, b) => a + b, 0);
  const top = [...rows].sort((a, b) => b - a).slice(0, 14 * 18);
  return top.reduce((a, b) => a + b, 0) / total;
}

describe('deskew', () => {
  it.each([-3, -1.2, 0.5, 2])('finds a page turned by %s° and levels it', (degrees) => {
    const level = page();
    // rotate() turns counter-clockwise for positive angles; a clockwise turn is a positive skew.
    const turned = rotate(level, -degrees);
    expect(estimateSkew(turned)).toBeCloseTo(degrees, 1);
    const { image, skew } = deskew(turned);
    expect(skew).toBeCloseTo(degrees, 1);
    expect(levelness(image)).toBeGreaterThan(0.97);
    expect(levelness(image)).toBeGreaterThan(levelness(turned));
  });

  it('leaves a level page untouched', () => {
    const level = page();
    const { image, skew } = deskew(level);
    expect(skew).toBe(0);
    expect(image).toBe(level);
  });

  it('grey scale from RGBA and back', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    const gray = toGray(rgba, 3, 1);
    expect([...gray.data]).toEqual([76, 0, 255]);
    expect([...toRgba(gray).slice(0, 4)]).toEqual([76, 76, 76, 255]);
  });
});
