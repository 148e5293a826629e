// The errors the sharded store raises and turns into what the user reads: the two signals that make
// a read or a write start again, and the file system's failures as archive errors.
import { ClippingSchema, type Clipping } from '../clipping.ts';
import { ArchiveError, validationError } from '../errors.ts';
import { errorDetail } from './durable-json-file.ts';

/** A file the manifest named is gone because another process wrote meanwhile: read again. */
export class StaleRead extends Error {}
/** A shard file changed on disk after it was read: compute the write again from the new content. */
export class ChangedOnDisk extends Error {}

/** A failure of the file system (ENOSPC, EIO, EACCES, EROFS…) as an error the user can read. */
export function asStorageError(error: unknown, dir: string): unknown {
  if (error instanceof ArchiveError || !(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  const path = (error as NodeJS.ErrnoException).path ?? dir;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new ArchiveError({ code: 'noSpace', params: { path } }, { cause: error });
  return new ArchiveError({ code: 'io', params: { path, detail: errorDetail(error) } }, { cause: error });
}

export function isAlreadyThere(error: unknown): boolean {
  const cause = error instanceof ArchiveError ? (error.cause as NodeJS.ErrnoException | undefined) : error;
  return (cause as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}

/** The last guard before the disk: whatever the caller computed, no invalid record is written. */
export function assertStorable(clipping: Clipping): void {
  const parsed = ClippingSchema.safeParse(clipping);
  if (!parsed.success) throw validationError(parsed.error);
}
