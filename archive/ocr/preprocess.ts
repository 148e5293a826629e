// Deskew before OCR, in plain JavaScript on decoded pixels so that it runs the same in Node and in
// a browser worker: grey scale, the skew of the text lines, and a rotation that levels them.
// Measured (bench/ocr.measure.ts, README "Scanned clippings: OCR"): deskew lowers the character
// error rate on skewed scans and on a phone photo (5.9 % → 0.2 %) and costs seconds a page on a
// busy machine; binarising in JavaScript (Sauvola) made it worse on average, so binarisation is
// left to Tesseract's own (Otsu).

export interface Gray {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black, 255 = white, row by row. */
  data: Uint8Array;
}

/** RGBA (as from a canvas's ImageData) → luminance (Rec. 601 weights). */
export function toGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
  }
  return { width, height, data };
}

export function toRgba(gray: Gray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(gray.width * gray.height * 4);
  for (let i = 0, p = 0; i < gray.data.length; i++, p += 4) {
    out[p] = out[p + 1] = out[p + 2] = gray.data[i]!;
    out[p + 3] = 255;
  }
  return out;
}

/** Otsu's threshold of a grey image: the level that best splits ink from paper. */
export function otsuThreshold(gray: Gray): number {
  const histogram = new Array<number>(256).fill(0);
  for (const v of gray.data) histogram[v]!++;
  const total = gray.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * histogram[i]!;
  let sumBackground = 0;
  let weightBackground = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightBackground += histogram[t]!;
    if (weightBackground === 0) continue;
    const weightForeground = total - weightBackground;
    if (weightForeground === 0) break;
    sumBackground += t * histogram[t]!;
    const meanBackground = sumBackground / weightBackground;
    const meanForeground = (sum - sumBackground) / weightForeground;
    const between = weightBackground * weightForeground * (meanBackground - meanForeground) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * The skew of the text lines in degrees (positive = the page is turned clockwise), by projection
 * profiles: at the right angle the rows of ink pixels line up with the text lines, so the row sums
 * are most uneven (largest sum of squares). Coarse steps first, then fine ones around the best.
 */
export function estimateSkew(gray: Gray, maxDegrees = 5): number {
  // Ink pixels of a reduced copy (long side ≤ 1000 px) are enough and keep this fast.
  const step = Math.max(1, Math.ceil(Math.max(gray.width, gray.height) / 1000));
  const threshold = otsuThreshold(gray);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < gray.height; y += step)
    for (let x = 0; x < gray.width; x += step)
      if (gray.data[y * gray.width + x]! < threshold) {
        xs.push(x / step);
        ys.push(y / step);
      }
  if (xs.length === 0) return 0;
  const rows = Math.ceil(Math.hypot(gray.width, gray.height) / step) * 2 + 2;
  const offset = rows / 2;
  const counts = new Float64Array(rows);
  const score = (degrees: number): number => {
    const t = Math.tan((degrees * Math.PI) / 180);
    counts.fill(0);
    for (let i = 0; i < xs.length; i++) counts[Math.round(ys[i]! - xs[i]! * t + offset)]!++;
    let s = 0;
    for (const c of counts) s += c * c;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (const [from, to, by] of [
    [-maxDegrees, maxDegrees, 0.5],
    [-0.5, 0.5, 0.1],
    [-0.1, 0.1, 0.02],
  ] as const) {
    const centre = best;
    for (let d = centre + from; d <= centre + to + 1e-9; d += by) {
      const s = score(d);
      if (s > bestScore) {
        bestScore = s;
        best = d;
      }
    }
  }
  return Math.round(best * 100) / 100;
}

/** Rotates a grey image by `degrees` (positive = counter-clockwise) about its centre, on white. */
export function rotate(gray: Gray, degrees: number): Gray {
  if (degrees === 0) return gray;
  const { width, height, data } = gray;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const out = new Uint8Array(width * height).fill(255);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Where this output pixel comes from in the source (inverse rotation), bilinear.
      const dx = x - cx;
      const dy = y - cy;
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + width]! * (1 - fx) + data[i + width + 1]! * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width, height, data: out };
}

/** Turns the image so that its text lines are level; returns the angle it found. */
export function deskew(gray: Gray): { image: Gray; skew: number } {
  const skew = estimateSkew(gray);
  return { image: Math.abs(skew) < 0.05 ? gray : rotate(gray, skew), skew };
}
