// The backup file: the whole archive, the trash and the scans included, as one JSON file that
// restores anywhere. Written clipping by clipping (progress, cancel); read back checked whole, each
// record as strictly as `add` checks what a person types, before anything is written.
import { z } from 'zod';
import type { ExportedFile } from '../api.ts';
import { ClippingInputSchema, ClippingSchema, createClipping, type Clipping } from '../clipping.ts';
import { ArchiveError, fieldErrorsFromZod } from '../errors.ts';
import { findScanFile, readScanFile, scanHashesOf } from '../scans/scan-files.ts';
import { sha256 } from '../storage/checksums.ts';
import { FORMAT_VERSION } from '../storage/format.ts';
import type { TaskRun } from '../tasks.ts';
import { yieldToOthers } from '../yield-to-others.ts';

/** What backupFile writes: every clipping as stored, with the format they are in. */
const BACKUP_FILE_KIND = 'press-archive-backup';
const BackupFileSchema = z.object({
  kind: z.literal(BACKUP_FILE_KIND),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  /** The clippings' scan files: base64 by SHA-256 (absent when there are none). */
  scanFiles: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string()).optional(),
  clippings: z.array(ClippingSchema),
});
type BackupFile = z.infer<typeof BackupFileSchema>;

/** The backup file of these clippings (newest first), their scans read from the archive in `dir`. */
export async function writeBackupFile(
  dir: string,
  clippings: Clipping[],
  now: Date,
  run: TaskRun,
): Promise<ExportedFile> {
  const createdAt = now.toISOString();
  // The scans go along, as base64 under their SHA-256, so the file restores anywhere.
  const scanFiles: Record<string, string> = {};
  for (const hash of [...scanHashesOf(clippings)].sort()) {
    run.check();
    scanFiles[hash] = (await readScanFile(dir, hash)).bytes.toString('base64');
  }
  const file: BackupFile = {
    kind: BACKUP_FILE_KIND,
    formatVersion: FORMAT_VERSION,
    createdAt,
    ...(Object.keys(scanFiles).length > 0 ? { scanFiles } : {}),
    clippings,
  };
  return {
    fileName: `press-archive-backup-${createdAt.slice(0, 10)}.json`,
    mimeType: 'application/json',
    content: await backupText(file, run),
    count: clippings.length,
  };
}

/**
 * The clippings and scan files of a backup file, checked whole: a bad file throws and changes
 * nothing. Every scan a clipping names comes with the file or is in the archive in `dir` already.
 * Progress: clippings checked ('read').
 */
export async function readBackupFile(
  dir: string,
  input: { name: string; content: string },
  run: TaskRun,
): Promise<{ clippings: Clipping[]; scanFiles: Map<string, Buffer> }> {
  let data: unknown;
  try {
    data = JSON.parse(input.content);
  } catch (error) {
    throw new ArchiveError({
      code: 'unreadableFile',
      params: { file: input.name, detail: error instanceof Error ? error.message : String(error) },
    });
  }
  const notBackup = (where: string) =>
    new ArchiveError({
      code: 'unreadableFile',
      params: { file: input.name, detail: `not a Press Archive backup (${where})` },
    });
  const head = BackupFileSchema.omit({ clippings: true })
    .extend({ clippings: z.array(z.unknown()) })
    .safeParse(data);
  if (!head.success) {
    const issue = head.error.issues[0];
    throw notBackup(issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid');
  }
  // Clipping by clipping, so the check can report how far it got and be cancelled.
  const clippings: Clipping[] = [];
  const total = head.data.clippings.length;
  run.progress('read', 0, total);
  for (const [i, raw] of head.data.clippings.entries()) {
    const parsed = ClippingSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw notBackup(issue ? `clippings.${i}.${issue.path.join('.')}: ${issue.message}` : 'invalid');
    }
    clippings.push(restorable(parsed.data, i + 1, input.name));
    if (i % 500 === 499) {
      run.check();
      run.progress('read', i + 1, total);
      await yieldToOthers();
    }
  }
  run.progress('read', total, total);
  const ids = new Set(clippings.map((c) => c.id));
  if (ids.size !== clippings.length) {
    throw new ArchiveError({
      code: 'unreadableFile',
      params: { file: input.name, detail: 'two clippings have the same id' },
    });
  }
  // Every scan a clipping names comes with the file (checked against its name) or is here already.
  const scanFiles = new Map<string, Buffer>();
  for (const [hash, base64] of Object.entries(head.data.scanFiles ?? {})) {
    const bytes = Buffer.from(base64, 'base64');
    if (sha256(bytes) !== hash) throw notBackup(`scanFiles.${hash}: does not match its checksum`);
    scanFiles.set(hash, bytes);
  }
  for (const hash of scanHashesOf(clippings)) {
    if (!scanFiles.has(hash) && (await findScanFile(dir, hash)) === undefined) {
      throw notBackup(`scanFiles.${hash}: missing`);
    }
  }
  return { clippings, scanFiles };
}

/**
 * The backup file's text, exactly JSON.stringify(file, null, 2) + newline, made clipping by clipping
 * so a large archive reports progress ('written') and can be cancelled on the way.
 */
async function backupText(file: BackupFile, run: TaskRun): Promise<string> {
  const { clippings, ...head } = file;
  const total = clippings.length;
  run.progress('written', 0, total);
  if (total === 0) return JSON.stringify(file, null, 2) + '\n';
  const opening = JSON.stringify({ ...head, clippings: [] }, null, 2).replace(/\[\]\n\}$/, '[\n');
  const parts: string[] = [opening];
  for (const [i, clipping] of clippings.entries()) {
    const text = JSON.stringify(clipping, null, 2).replace(/\n/g, '\n    ');
    parts.push(`    ${text}${i < total - 1 ? ',' : ''}\n`);
    if (i % 500 === 499) {
      run.check();
      run.progress('written', i + 1, total);
      await yieldToOthers();
    }
  }
  parts.push('  ]\n}\n');
  run.progress('written', total, total);
  return parts.join('');
}

/**
 * A record of a backup file, checked field by field exactly as `add` checks what a person types
 * (control characters, lengths, dates, addresses), so a restore cannot bring in what add refuses.
 */
function restorable(record: Clipping, number: number, file: string): Clipping {
  const { id, addedAt, updatedAt, deletedAt, ocrText, scans, ...fields } = record;
  const parsed = ClippingInputSchema.safeParse(fields);
  if (!parsed.success) {
    throw new ArchiveError({
      code: 'badBackupRecord',
      params: { file, record: number, id },
      fields: fieldErrorsFromZod(parsed.error),
    });
  }
  const clipping = createClipping(id, parsed.data, addedAt);
  clipping.updatedAt = updatedAt;
  if (deletedAt !== undefined) clipping.deletedAt = deletedAt;
  // Checked by the schema already (their files by restoreFile): kept as they were.
  if (ocrText !== undefined) clipping.ocrText = ocrText;
  if (scans !== undefined) clipping.scans = scans;
  return clipping;
}
