// Clipping ids: time-ordered (sort like their creation) and random enough never to collide in practice.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newClippingId(now = Date.now()): string {
  const time = now.toString(36).padStart(9, '0');
  const random = crypto.getRandomValues(new Uint8Array(8));
  return time + Array.from(random, (b) => ALPHABET[b % 36]).join('');
}
