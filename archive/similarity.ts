// Near-duplicate detection: the same agency story printed by two papers with small edits.
// Texts become sets of word 3-shingles (after our Hindi normalization); MinHash signatures with
// LSH banding find candidate pairs quickly, and the exact Jaccard similarity of the shingle sets
// decides.
import { analyze } from './search/analyze.ts';

const SHINGLE_WORDS = 3;
const HASHES = 64;
const BANDS = 16; // 16 bands × 4 rows: pairs above ~0.6 Jaccard very likely share a band
const ROWS = HASHES / BANDS;
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/** FNV-1a, 32 bit: a fast, well-spread hash for short strings. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shingles(text: string): Set<number> {
  const words = analyze(text);
  const result = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) result.add(fnv1a(words.join(' ')));
    return result;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    result.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return result;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

// Fixed odd multipliers and offsets: the i-th hash function is (a_i·x + b_i) mod 2^32.
const SEEDS = Array.from({ length: HASHES }, (_, i) => [(fnv1a(`a${i}`) | 1) >>> 0, fnv1a(`b${i}`)] as const);

export function minhash(set: ReadonlySet<number>): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const [a, b] = SEEDS[i]!;
      const h = (Math.imul(a, x) + b) >>> 0;
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    keys.push(`${band}:${Array.from(signature.subarray(band * ROWS, (band + 1) * ROWS)).join(',')}`);
  }
  return keys;
}

export interface SimilarText {
  id: string;
  similarity: number;
}

/** An index of texts that answers "which texts are nearly the same as this one?". */
export class NearDuplicateIndex {
  private readonly entries = new Map<string, { shingles: Set<number>; keys: string[] }>();
  private readonly buckets = new Map<string, Set<string>>();

  put(id: string, text: string): void {
    this.remove(id);
    const set = shingles(text);
    const keys = bandKeys(minhash(set));
    this.entries.set(id, { shingles: set, keys });
    for (const key of keys) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Set()));
      bucket.add(id);
    }
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const key of entry.keys) this.buckets.get(key)?.delete(id);
    this.entries.delete(id);
  }

  /** Texts at least `threshold` similar to the text stored as `id` (itself excluded), most similar first. */
  similarTo(id: string, threshold = NEAR_DUPLICATE_THRESHOLD): SimilarText[] {
    const entry = this.entries.get(id);
    if (!entry) return [];
    const candidates = new Set<string>();
    for (const key of entry.keys)
      for (const other of this.buckets.get(key) ?? []) if (other !== id) candidates.add(other);
    const result: SimilarText[] = [];
    for (const other of candidates) {
      const similarity = jaccard(entry.shingles, this.entries.get(other)!.shingles);
      if (similarity >= threshold) result.push({ id: other, similarity: Math.round(similarity * 1000) / 1000 });
    }
    return result.sort((a, b) => b.similarity - a.similarity);
  }
}
