import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, fileTooLarge } from '../archive/api.ts';
import { ArchiveError } from '../archive/errors.ts';
import { errorDetail } from '../archive/storage/durable-json-file.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const CHUNK = 1024 * 1024;

/**
 * A file's text; a missing, unreadable, too large or non-UTF-8 file is a clear error, never mangled
 * text. `path` is the name the user gave (in messages); `location` where to read it (default: `path`).
 * Only regular files are read: a device (/dev/zero never ends), a pipe (may never be written
 * to) or a folder is refused before it is opened, and again on the open handle (the path may have
 * been swapped in between). The size is checked on the handle and the reading stops past the limit
 * whatever the size said (a file that grows while it is read).
 */
export async function readTextFile(path: string, location = path): Promise<string> {
  const bytes = await readFileBytes(path, location);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ArchiveError({ code: 'unreadableFile', params: { file: basename(path), detail: 'not UTF-8 text' } });
  }
}

/** A file's bytes (a scan), with the same checks as readTextFile but no decoding. */
export async function readFileBytes(path: string, location = path): Promise<Buffer> {
  const name = basename(path);
  let handle: FileHandle | undefined;
  let bytes: Buffer;
  try {
    assertReadable(name, await stat(location));
    // O_NONBLOCK: a pipe put in the file's place after the check does not hang the open.
    handle = await open(location, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    assertReadable(name, await handle.stat());
    bytes = await readBounded(handle, name);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError({ code: 'unreadableFile', params: { file: path, detail: errorDetail(error) } });
  } finally {
    await handle?.close();
  }
  return bytes;
}

function assertReadable(name: string, info: { isFile(): boolean; size: number }): void {
  if (!info.isFile()) throw new ArchiveError({ code: 'notAFile', params: { file: name } });
  // Refused before reading: past ~512 MB the text would not even fit in one string.
  if (info.size > MAX_IMPORT_BYTES) throw new ArchiveError(fileTooLarge(name, info.size));
}

async function readBounded(handle: FileHandle, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > MAX_IMPORT_BYTES) throw new ArchiveError(fileTooLarge(name, total));
    chunks.push(chunk.subarray(0, bytesRead));
  }
}
