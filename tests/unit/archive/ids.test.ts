// Clipping ids: 17 characters, ordered by their time and, within one millisecond, by the order this
// process made them; never the same twice however many are made in one millisecond.
import { describe, expect, it } from 'vitest';
import { newClippingId } from '../../../archive/ids.ts';

describe('newClippingId', () => {
  it('is 17 characters of 0-9 a-z, and sorts like the times it was made at', () => {
    const times = [0, 1, 1_700_000_000_000, 1_800_000_000_000, 2 ** 45];
    const ids = times.map((t) => newClippingId(t));
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{17}$/);
    expect([...ids].sort()).toEqual(ids);
  });

  it('makes 20,000 ids in one millisecond distinct and in the order they were made', () => {
    const ids = Array.from({ length: 20_000 }, () => newClippingId(1_800_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts afresh at random in the next millisecond', () => {
    const a = newClippingId(1_800_000_000_100);
    const b = newClippingId(1_800_000_000_101);
    expect(b > a).toBe(true);
    expect(b.slice(9)).not.toBe(a.slice(9));
  });
});
