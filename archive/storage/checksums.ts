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

/**
 * `value` with the keys of its objects, at every depth, limited to `keys` and in their order; what
 * JSON.stringify(value, keys) would write. Built by hand because a library may replace the global
 * JSON.stringify: pdfjs-dist's polyfills (core-js) keep an array replacer's keys but not their order,
 * which would tie a checksum to the order a clipping's fields happened to arrive in.
 */
export function inKeyOrder(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => inKeyOrder(item, keys));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of keys) {
    if (Object.hasOwn(record, key)) ordered[key] = inKeyOrder(record[key], keys);
  }
  return ordered;
}

/** A clipping's canonical bytes: its JSON without spacing, fields in the schema's order. */
export function recordChecksum(clipping: Clipping): string {
  return sha256(JSON.stringify(inKeyOrder(clipping, CANONICAL_KEYS)));
}

/** A digest of the text with spacing evened out: two clippings with the same text have the same one. */
export function textDigest(body: string): string {
  return createHash('sha256').update(body.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('base64');
}

export function summaryOf(clipping: Clipping): SummaryRecord {
  return { ...summarize(clipping), digest: textDigest(clipping.body), sha256: recordChecksum(clipping) };
}
