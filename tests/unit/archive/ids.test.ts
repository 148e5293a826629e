// Clipping ids: 17 characters, ordered by their time, and never the same twice however many are
// made in one millisecond (the random bytes come from a pool that is drawn again when used up).
import { describe, expect, it } from 'vitest';
import { newClippingId } from '../../../archive/ids.ts';

describe('newClippingId', () => {
  it('is 17 characters of 0-9 a-z, and sorts like the times it was made at', () => {
    const times = [0, 1, 1_700_000_000_000, 1_800_000_000_000, 2 ** 45];
    const ids = times.map((t) => newClippingId(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{17}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it('gives 20,000 ids made in the same millisecond 20,000 different random parts', () => {
    const random = Array.from({ length: 20_000 }, () => newClippingId(1_800_000_000_000).slice(9));
    expect(new Set(random).size).toBe(random.length);
    // Every character of the alphabet turns up in the random parts.
    expect(new Set(random.join('')).size).toBe(36);
  });
});
