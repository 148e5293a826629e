// The distinct keys of a vocabulary in sorted order, for prefix ranges. Sorting every key costs about
// half a second at 100,000 clippings, so it is done once; a key added later (an edit, an import, a
// catch-up) goes into a short sorted list of recent keys, and a range walks both lists together. The
// recent list is merged into the main one when it grows long, in one linear pass.

/** Recent keys kept apart before a merge: inserting into this many is cheap, merging is linear. */
const MERGE_AT = 4096;

export class SortedKeys {
  private main: string[];
  private recent: string[] = [];

  /** `keys`: distinct. */
  constructor(keys: Iterable<string>) {
    this.main = [...keys].sort();
  }

  /** Takes a key not held yet. */
  add(key: string): void {
    this.recent.splice(lowerBound(this.recent, key), 0, key);
    if (this.recent.length >= MERGE_AT) {
      this.main = merge(this.main, this.recent);
      this.recent = [];
    }
  }

  /** The keys that start with `prefix`, in order. */
  *startingWith(prefix: string): Generator<string> {
    const { main, recent } = this;
    let m = lowerBound(main, prefix);
    let r = lowerBound(recent, prefix);
    for (;;) {
      const a = m < main.length && main[m]!.startsWith(prefix) ? main[m]! : undefined;
      const b = r < recent.length && recent[r]!.startsWith(prefix) ? recent[r]! : undefined;
      if (a === undefined && b === undefined) return;
      if (b === undefined || (a !== undefined && a < b)) {
        m++;
        yield a!;
      } else {
        r++;
        yield b;
      }
    }
  }
}

/** The first index whose key is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function merge(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[o++] = a[i++]!;
  while (j < b.length) out[o++] = b[j++]!;
  return out;
}
