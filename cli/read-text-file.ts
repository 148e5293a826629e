import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, fileTooLarge } from '../archive/api.ts';
import { ArchiveError } from '../archive/errors.ts';
import { errorDetail } from '../archive/storage/durable-json-file.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's text; a missing, unreadable, too large or non-UTF-8 file is a clear error, never mangled
 * text. `path` is the name the user gave (in messages); `location` where to read it (default: `path`).
 */
export async function readTextFile(path: string, location = path): Promise<string> {
  let bytes: Buffer;
  try {
    // Refused before reading: past ~512 MB the text would not even fit in one string.
    const { size } = await stat(location);
    if (size > MAX_IMPORT_BYTES) throw new ArchiveError(fileTooLarge(basename(path), size));
    bytes = await readFile(location);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError({ code: 'unreadableFile', params: { file: path, detail: errorDetail(error) } });
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ArchiveError({ code: 'unreadableFile', params: { file: basename(path), detail: 'not UTF-8 text' } });
  }
}
