// Durable writes: temp file, fsync, rename, fsync folder (lowdb's own JSONFile never fsyncs, so an
// acknowledged write could vanish in a power cut), and the two ways the archive uses them:
//  - DurableJSONFile, a lowdb adapter, for a document that is read, changed and written back whole in
//    place (the manifest, through lowdb's `Low`: manifest-file.ts);
//  - writeNewJSONFile, for a file written once under a new name and never rewritten (shard and
//    summary files): no `Low`, since nothing is read back or modified, and the caller needs the size
//    and checksum of the very text written, for the manifest.
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { ArchiveError } from '../errors.ts';
import { toFileText } from './format.ts';

export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly label = basename(path),
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ArchiveError({ code: 'io', params: { path: this.path, detail: errorDetail(error) } }, { cause: error });
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new ArchiveError(
        { code: 'damaged', params: { file: this.label, detail: `not valid JSON (${errorDetail(error)})` } },
        { cause: error },
      );
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.path, toFileText(data));
  }
}

/** The size and SHA-256 of the text a new file was written with. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/**
 * Writes `data` as JSON to a file that must not exist yet (fails with EEXIST), fsynced; the caller
 * syncs the folder once after writing all of them. `compact`: without indentation, for files only
 * the app reads (summaries), where the spacing would be a fifth of the bytes read at every launch.
 */
export async function writeNewJSONFile(path: string, data: unknown, compact = false): Promise<WrittenFile> {
  const text = compact ? JSON.stringify(data) + '\n' : toFileText(data);
  await writeNewFileDurably(path, text);
  return { bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
}

/** Replaces `path` atomically and durably: temp file, fsync, rename, fsync the folder. */
export async function writeFileDurably(path: string, text: string | Buffer): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeAndSync(await open(temp, 'wx'), text);
    await rename(temp, path);
    await syncDirectory(dir);
  } catch (error) {
    await rm(temp, { force: true });
    throw asIoError(error, path);
  }
}

/** Writes a new file and fsyncs it; a crash midway leaves a file no manifest names. */
export async function writeNewFileDurably(path: string, text: string | Buffer): Promise<void> {
  let created = false;
  try {
    const handle = await open(path, 'wx');
    created = true;
    await writeAndSync(handle, text);
  } catch (error) {
    // A file cut short (a full disk) is no use to anyone: it goes at once.
    if (created) await rm(path, { force: true }).catch(() => undefined);
    throw asIoError(error, path);
  }
}

/** Writes `text` to a file just opened, fsyncs it and closes it. */
async function writeAndSync(handle: FileHandle, text: string | Buffer): Promise<void> {
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes renames and new files in `dir` durable. Windows cannot open folders; there NTFS journaling has to do. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a file written by someone else (a copy) to disk. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, process.platform === 'win32' ? 'r+' : 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function asIoError(error: unknown, path: string): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new ArchiveError({ code: 'noSpace', params: { path } }, { cause: error });
  return new ArchiveError({ code: 'io', params: { path, detail: errorDetail(error) } }, { cause: error });
}

export function errorDetail(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message.replace(/^\w+: /, '')}` : error.message;
  }
  return String(error);
}
