// What the API and the CLI say about a snapshot (no file access here: the API declaration uses it).
import { z } from 'zod';

export const SNAPSHOT_KINDS = [
  'daily',
  'session',
  'manual',
  'before-restore',
  'before-migration',
  'before-repair',
] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** backups/2026-11-29T20-46-00-123Z-daily: the moment (UTC) and the reason. */
export const SNAPSHOT_NAME = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(${SNAPSHOT_KINDS.join('|')})$`,
);

export const BackupNameSchema = z.string().max(100).regex(SNAPSHOT_NAME, 'invalid');

export const BackupInfoSchema = z.object({
  name: BackupNameSchema,
  kind: z.enum(SNAPSHOT_KINDS),
  createdAt: z.iso.datetime(),
  /** Format of the files in the snapshot (an older one is migrated when restored). */
  formatVersion: z.number().int().nonnegative(),
  clippings: z.number().int().nonnegative().optional(),
  trashed: z.number().int().nonnegative().optional(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const RestoreResultSchema = z.object({
  restored: BackupNameSchema,
  /** The snapshot that keeps what the archive held before the restore. */
  setAside: BackupNameSchema.optional(),
});
export type RestoreResult = z.infer<typeof RestoreResultSchema>;

/** Kind and time from the folder name alone. */
export function infoFromName(name: string): Pick<BackupInfo, 'name' | 'kind' | 'createdAt'> {
  const m = SNAPSHOT_NAME.exec(name);
  if (!m) throw new Error(`not a snapshot name: ${name}`);
  return { name, kind: m[6] as SnapshotKind, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` };
}
