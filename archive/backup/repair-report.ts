// What a repair of a damaged archive did (storage/repair.ts), as the API, the CLI and the app say it
// (no file access here: the API declaration uses it).
import { z } from 'zod';
import { BackupNameSchema } from './backup-info.ts';

/**
 * Why something could not be repaired: the clipping is in no snapshot; it was kept as found but
 * nothing could check it (its shard and summary are both damaged, and no snapshot holds it
 * unchanged); clippings the manifest counts that no file names any more; the manifest itself is
 * damaged (only a whole backup helps); anything else `check` still finds.
 */
export const UNREPAIRED_REASONS = ['notInBackups', 'keptUnchecked', 'unidentified', 'manifest', 'other'] as const;
export type UnrepairedReason = (typeof UNREPAIRED_REASONS)[number];

export const RestoredClippingSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The shard file it was damaged in. */
  file: z.string(),
  /** The snapshot it was taken from. */
  snapshot: BackupNameSchema,
  /** The very version that was damaged (its checksum matches); else the newest earlier version. */
  exact: z.boolean(),
});
export type RestoredClipping = z.infer<typeof RestoredClippingSchema>;

export const UnrepairedSchema = z.object({
  file: z.string(),
  reason: z.enum(UNREPAIRED_REASONS),
  id: z.string().optional(),
  title: z.string().optional(),
  /** How many clippings (`unidentified`). */
  count: z.number().int().optional(),
  /** What `check` says (`manifest`, `other`). */
  detail: z.string().optional(),
});
export type Unrepaired = z.infer<typeof UnrepairedSchema>;

export const RepairReportSchema = z.object({
  /** Everything damaged was put back and the archive passes the check. */
  ok: z.boolean(),
  /** The snapshot that keeps the archive as it was before the repair, damaged files included. */
  setAside: BackupNameSchema.optional(),
  restored: z.array(RestoredClippingSchema),
  /** Summary files written again from their intact shard. */
  rebuilt: z.array(z.string()),
  unrepaired: z.array(UnrepairedSchema),
  /** Clippings in the archive after the repair (the trash included). */
  clippings: z.number().int(),
});
export type RepairReport = z.infer<typeof RepairReportSchema>;
