// A lowdb adapter that makes a write durable, not just atomic: temp file, fsync, rename, fsync folder.
// lowdb's own JSONFile never fsyncs, so an acknowledged write could vanish in a power cut.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { ArchiveError } from '../errors.ts';

export class DurableJSONFile<T> implements Adapter<T> {
  /** Size in bytes of the last document written, so callers can keep files bounded. */
  bytesWritten = 0;

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
        { code: 'damaged', params: { file: this.label, detail: errorDetail(error) } },
        { cause: error },
      );
    }
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2) + '\n';
    await writeFileDurably(this.path, text);
    this.bytesWritten = Buffer.byteLength(text);
  }
}

export async function writeFileDurably(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    await syncDirectory(dir);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError({ code: 'io', params: { path, detail: errorDetail(error) } }, { cause: error });
  }
}

/** Makes a rename in `dir` durable. Windows cannot open folders; there NTFS journaling has to do. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function errorDetail(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message.replace(/^\w+: /, '')}` : error.message;
  }
  return String(error);
}
