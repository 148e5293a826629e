// The index's fast path through a text: finds the same words as tokenize() (runs of letters,
// marks, digits and joiners), and looks each one up by a hash computed while scanning, so a word
// already seen costs no new string and no regular expression. Building the index of 100,000
// clippings reads ~35 million words; this halves the time (bench/search.measure.ts).

let table: Uint8Array | undefined;
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u200C\u200D]/u;

/** 1 for every UTF-16 unit that is a word character on its own (surrogates are checked in pairs). */
function wordChars(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++)
    if (c < 0xd800 || c > 0xdfff) table[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

/** Length of the word character at i (1, 2 for a surrogate pair), or 0 if it is not one. */
function wordCharAt(text: string, i: number, chars: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return chars[c]!;
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return 0;
}

/** Calls `word(start, end, hash)` for each word of the text (FNV-1a hash of its UTF-16 units). */
export function scanWords(text: string, word: (start: number, end: number, hash: number) => void): void {
  const chars = wordChars();
  let i = 0;
  const n = text.length;
  while (i < n) {
    let step = wordCharAt(text, i, chars);
    if (step === 0) {
      i += 1;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    while (step > 0) {
      for (let k = 0; k < step; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), 0x01000193);
      i += step;
      step = i < n ? wordCharAt(text, i, chars) : 0;
    }
    word(start, i, hash >>> 0);
  }
}

/** FNV-1a of a whole string (the same as scanWords gives a word). */
export function hashOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Words seen as written → a value (the term id), by open addressing on the scan's hash. */
export class SurfaceTable {
  private slots = new Int32Array(1 << 16).fill(-1);
  private hashes: number[] = [];
  private surfaces: string[] = [];
  private values: number[] = [];

  get size(): number {
    return this.surfaces.length;
  }

  /** The value of text[start, end), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry < 0) return -1;
      if (this.hashes[entry] !== hash) continue;
      const surface = this.surfaces[entry]!;
      if (surface.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (surface.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return this.values[entry]!;
    }
  }

  add(surface: string, hash: number, value: number): void {
    if ((this.surfaces.length + 1) * 2 > this.slots.length) this.grow();
    this.place(this.surfaces.length, hash);
    this.hashes.push(hash);
    this.surfaces.push(surface);
    this.values.push(value);
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.hashes.forEach((hash, entry) => this.place(entry, hash));
  }
}
