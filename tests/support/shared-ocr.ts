// One real OCR engine for a whole test file, each image read by it once. Starting tesseract.js
// (compiling its WebAssembly, loading the Hindi and English models) costs about two CPU seconds, a
// page about one; a file whose tests each open an archive (or run the CLI) would start one engine
// per test and read the same scan again each time. For a test file's vi.mock:
//
//   vi.mock('…/archive/ocr/recognize.ts', async (importOriginal) => {
//     const real = await importOriginal<typeof import('…/archive/ocr/recognize.ts')>();
//     const { sharingOcr } = await import('…/tests/support/shared-ocr.ts');
//     return { ...real, createOcrEngine: sharingOcr(real.createOcrEngine) };
//   });
//
// and `afterAll(closeSharedOcr)`. What the archive gets is what the real engine read from those very
// bytes (a copy, so that no test sees another's changes); a cancelled read is not kept.
import { createHash } from 'node:crypto';
import type { OcrEngine, OcrPage } from '../../archive/ocr/recognize.ts';

let engine: OcrEngine | undefined;
const pages = new Map<string, Promise<OcrPage>>();
/** How many pages the real engine read, and how many were given again from an earlier read. */
export const ocrCounts = { read: 0, reused: 0 };

/** A createOcrEngine whose engines all share one real engine and its pages read so far. */
export function sharingOcr(createReal: () => OcrEngine): () => OcrEngine {
  return () => ({
    async recognize(image, signal) {
      // Already cancelled: the real engine's own refusal.
      if (signal?.aborted) return (engine ??= createReal()).recognize(image, signal);
      const key = createHash('sha256').update(image).digest('hex');
      let page = pages.get(key);
      if (page) ocrCounts.reused += 1;
      else {
        ocrCounts.read += 1;
        page = (engine ??= createReal()).recognize(image, signal);
        pages.set(key, page);
        page.catch(() => pages.delete(key));
      }
      return structuredClone(await page);
    },
    // Each archive closes its engine; the shared one outlives them (closeSharedOcr ends it).
    close: async () => {},
  });
}

export async function closeSharedOcr(): Promise<void> {
  const current = engine;
  engine = undefined;
  pages.clear();
  await current?.close();
}
