// Sauvola binarisation, measured against Tesseract's own binarisation in bench/ocr.measure.ts. It
// did not help on average, so only the benchmark uses it.
import type { Gray } from '../../archive/ocr/preprocess.ts';

/**
 * Sauvola's local threshold: ink where the pixel is darker than mean · (1 + k · (sd / 128 − 1))
 * of its window. Unlike one global threshold it keeps text in the dim corner of a phone photo.
 * Means and deviations come from integral images, so the window size costs nothing.
 */
export function binarizeSauvola(gray: Gray, options: { window?: number; k?: number } = {}): Gray {
  const { width, height, data } = gray;
  const half = Math.floor((options.window ?? Math.max(15, Math.round(Math.min(width, height) / 30))) / 2);
  const k = options.k ?? 0.2;
  const w1 = width + 1;
  const sum = new Float64Array(w1 * (height + 1));
  const squares = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    let rowSquares = 0;
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x]!;
      rowSum += v;
      rowSquares += v * v;
      sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1]! + rowSum;
      squares[(y + 1) * w1 + x + 1] = squares[y * w1 + x + 1]! + rowSquares;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(width, x + half + 1);
      const n = (x1 - x0) * (y1 - y0);
      const s = sum[y1 * w1 + x1]! - sum[y0 * w1 + x1]! - sum[y1 * w1 + x0]! + sum[y0 * w1 + x0]!;
      const q = squares[y1 * w1 + x1]! - squares[y0 * w1 + x1]! - squares[y1 * w1 + x0]! + squares[y0 * w1 + x0]!;
      const mean = s / n;
      const sd = Math.sqrt(Math.max(0, q / n - mean * mean));
      out[y * width + x] = data[y * width + x]! <= mean * (1 + k * (sd / 128 - 1)) ? 0 : 255;
    }
  }
  return { width, height, data: out };
}
