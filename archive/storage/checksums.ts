// The checksums of format 3 (format.ts) and the summary of a clipping, computed in one place so that
// writing, reading and checking cannot disagree.
import { createHash } from 'node:crypto';
import { ClippingSchema, type Clipping } from '../clipping.ts';
import type { SummaryRecord } from './format.ts';

export function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The fields of a clipping in the order of the schema: a parse may give them in either order. */
const CANONICAL_KEYS = Object.keys(ClippingSchema.shape);

/** A clipping's canonical bytes: its JSON without spacing, fields in the schema's order. */
export function recordChecksum(clipping: Clipping): string {
  return sha256(JSON.stringify(clipping, CANONICAL_KEYS));
}

/** A digest of the text with spacing evened out: two clippings with the same text have the same one. */
export function textDigest(body: string): string {
  return createHash('sha256').update(body.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('base64');
}

export function summaryOf(clipping: Clipping): SummaryRecord {
  const { body, notes: _notes, ...rest } = clipping;
  return { ...rest, digest: textDigest(body), sha256: recordChecksum(clipping) };
}
