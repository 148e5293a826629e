// Prefix ranges over keys added after the first sort agree with sorting everything again: the same
// keys, in the same order, before and after the recent keys are merged in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedKeys } from '../../../../archive/search/sorted-keys.ts';

const key = fc.string({ unit: fc.constantFrom('क', 'का', 'कि', 'ख', 'a', 'b', 'ab'), minLength: 1, maxLength: 4 });

function expected(keys: Iterable<string>, prefix: string): string[] {
  return [...new Set(keys)].sort().filter((k) => k.startsWith(prefix));
}

describe('SortedKeys', () => {
  it('ranges over keys given at first and added later, as one sorted list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key), fc.uniqueArray(key), key, (first, later, prefix) => {
        const keys = new SortedKeys(first);
        const held = new Set(first);
        for (const k of later) {
          if (held.has(k)) continue;
          keys.add(k);
          held.add(k);
        }
        expect([...keys.startingWith(prefix)]).toEqual(expected(held, prefix));
        expect([...keys.startingWith('')]).toEqual(expected(held, ''));
      }),
    );
  });

  it('stays sorted across a merge of the recent keys', () => {
    const first = Array.from({ length: 3000 }, (_, i) => `k${String(i * 2).padStart(5, '0')}`);
    const keys = new SortedKeys(first);
    const later = Array.from({ length: 5000 }, (_, i) => `k${String(i * 2 + 1).padStart(5, '0')}`);
    for (const k of later) keys.add(k); // more than are kept apart: merged on the way
    const all = [...first, ...later];
    expect([...keys.startingWith('')]).toEqual(expected(all, ''));
    expect([...keys.startingWith('k0001')]).toEqual(expected(all, 'k0001'));
    expect([...keys.startingWith('x')]).toEqual([]);
  });
});
