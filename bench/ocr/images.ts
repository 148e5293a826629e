// Decoding and encoding images for the preprocessing measurements, with @napi-rs/canvas (a
// prebuilt Skia binary from npm; no system libraries needed).
import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { toGray, toRgba, type Gray } from '../../archive/ocr/preprocess.ts';

export async function decodeGray(file: string): Promise<Gray> {
  const image = await loadImage(await readFile(file));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return toGray(data, image.width, image.height);
}

export function encodePng(gray: Gray): Buffer {
  const canvas = createCanvas(gray.width, gray.height);
  const context = canvas.getContext('2d');
  const imageData = context.createImageData(gray.width, gray.height);
  imageData.data.set(toRgba(gray));
  context.putImageData(imageData, 0, 0);
  return canvas.toBuffer('image/png');
}
