// Decoding and encoding images for the preprocessing measurements: the archive's own (level-page.ts,
// @napi-rs/canvas, a prebuilt Skia binary from npm; no system libraries needed).
import { readFile } from 'node:fs/promises';
import { decodeGray as decodeBytes, encodePng as encodeGray } from '../../archive/ocr/level-page.ts';
import type { Gray } from '../../archive/ocr/preprocess.ts';

export async function decodeGray(file: string): Promise<Gray> {
  return decodeBytes(await readFile(file));
}

export async function encodePng(gray: Gray): Promise<Buffer> {
  return Buffer.from(await encodeGray(gray));
}
