// Large exports are printed in parts, so the print engine never holds more than a bounded page
// (memory stays flat from 1 to thousands of clippings); the parts are merged with pdf-lib.
import type { Clipping } from '../clipping.ts';

export interface ChunkLimits {
  /** Clippings per print job. */
  entries: number;
  /** Characters of text per print job (a single longer clipping gets a job of its own). */
  chars: number;
}

export const CHUNK_LIMITS: ChunkLimits = { entries: 40, chars: 400_000 };

function size(clipping: Clipping): number {
  return clipping.title.length + clipping.body.length + (clipping.notes?.length ?? 0);
}

export function chunkClippings<T extends Clipping>(clippings: readonly T[], limits: ChunkLimits = CHUNK_LIMITS): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const clipping of clippings) {
    const next = size(clipping);
    if (current.length > 0 && (current.length >= limits.entries || chars + next > limits.chars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(clipping);
    chars += next;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
