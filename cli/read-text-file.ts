import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ArchiveError } from '../archive/errors.ts';
import { errorDetail } from '../archive/storage/durable-json-file.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text; a missing, unreadable or non-UTF-8 file is a clear error, never mangled text. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ArchiveError({ code: 'unreadableFile', params: { file: path, detail: errorDetail(error) } });
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ArchiveError({ code: 'unreadableFile', params: { file: basename(path), detail: 'not UTF-8 text' } });
  }
}
