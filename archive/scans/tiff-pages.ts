// The pages of a TIFF: scanners write a document of several pages as one multi-page TIFF, and
// Tesseract (Leptonica, inside tesseract.js) reads only the first. UTIF (utif2, pure JavaScript,
// the decoder Jimp uses) decodes every page, whatever its compression (none, LZW, Deflate,
// PackBits, CCITT G3/G4, JPEG); Skia (@napi-rs/canvas) writes each as PNG, which the reader shows
// and OCR reads.

/** Each page of the TIFF as PNG, in order; undefined when UTIF cannot decode it. */
export async function tiffPagesAsPng(bytes: Uint8Array): Promise<Uint8Array[] | undefined> {
  const [{ default: UTIF }, { createCanvas }] = await Promise.all([import('utif2'), import('@napi-rs/canvas')]);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    // Page directories only: thumbnails and EXIF hang below them as sub-directories.
    const pages = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined);
    if (pages.length === 0) return undefined;
    const pngs: Uint8Array[] = [];
    for (const ifd of pages) {
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      if (ifd.width <= 0 || ifd.height <= 0 || rgba.length !== ifd.width * ifd.height * 4) return undefined;
      const canvas = createCanvas(ifd.width, ifd.height);
      const context = canvas.getContext('2d');
      const image = context.createImageData(ifd.width, ifd.height);
      image.data.set(rgba);
      context.putImageData(image, 0, 0);
      pngs.push(new Uint8Array(canvas.toBuffer('image/png')));
    }
    return pngs;
  } catch {
    return undefined; // a compression or layout UTIF does not know: Tesseract reads the first page
  }
}
