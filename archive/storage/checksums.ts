// The checksums of format 3 (format.ts) and the summary of a clipping, computed in one place so that
// writing, reading and checking cannot disagree.
import { createHash } from 'node:crypto';
import { ClippingSchema, ScanLineSchema, ScanPageSchema, ScanSchema, type Clipping } from '../clipping.ts';
import { summarize } from '../clipping-records.ts';
import type { SummaryRecord } from './format.ts';

export function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The fields of a clipping in the order of the schema: a parse may give them in either order. The
 * keys of the scan records nested in it follow (JSON.stringify's key list applies at every depth);
 * none of them is a clipping's own field name, so a clipping without scans keeps its checksum.
 */
const CANONICAL_KEYS = [
  ...new Set([
    ...Object.keys(ClippingSchema.shape),
    ...Object.keys(ScanSchema.shape),
    ...Object.keys(ScanPageSchema.shape),
    ...Object.keys(ScanLineSchema.shape),
  ]),
];

/** A clipping's canonical bytes: its JSON without spacing, fields in the schema's order. */
export function recordChecksum(clipping: Clipping): string {
  return sha256(JSON.stringify(clipping, CANONICAL_KEYS));
}

/** A digest of the text with spacing evened out: two clippings with the same text have the same one. */
export function textDigest(body: string): string {
  return createHash('sha256').update(body.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('base64');
}

export function summaryOf(clipping: Clipping): SummaryRecord {
  return { ...summarize(clipping), digest: textDigest(clipping.body), sha256: recordChecksum(clipping) };
}
