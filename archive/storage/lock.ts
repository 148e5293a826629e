// One writer at a time: a promise chain inside this process, a lock folder across processes (the app
// and the CLI may run at once). proper-lockfile takes the lock (mkdir is atomic), keeps its mtime
// fresh while it is held and notices if it is taken away. We give it a mkdir that puts the folder in
// place with a note inside, all at once (built aside, then renamed): the note names the holder
// (pid, host, a random token), so
//  - a lock left by a killed process is taken over at once, not after the 10 s staleness limit;
//  - a writer checks, just before it commits, that the lock is still its own;
//  - the lock is freed in one step too (renamed away), so no process ever sees it without its note.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ArchiveError } from '../errors.ts';
import { errorDetail } from './durable-json-file.ts';
import { LOCK_NAME } from './format.ts';

const STALE_MS = 10_000;
/**
 * How often the holder touches the lock: often, so that a busy writer (a long import) stays well
 * inside the staleness limit even when its event loop is held up for a few seconds at a time.
 */
const HEARTBEAT_MS = 1_000;
/** Locks are never without a note while held; one without (from elsewhere) gets a short grace. */
const NOTELESS_STALE_MS = 1_000;
const WAIT_MS = 30_000;
const OWNER_FILE = 'owner.json';

interface Owner {
  pid: number;
  host: string;
  token: string;
}

/** What a writer holding the lock may ask of it. */
export interface HeldLock {
  /**
   * Throws 'changedElsewhere' unless this process still holds the lock; call it right before
   * writing anything: a writer that stalled past the staleness limit has lost it to another one.
   */
  assertHeld(): Promise<void>;
  /** Whether the lock is still ours (it is not, once taken over). */
  isHeld(): Promise<boolean>;
}

export class ArchiveLock {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  get lockPath(): string {
    return join(this.dir, LOCK_NAME);
  }

  /** Runs `work` while holding the archive's write lock. */
  run<T>(work: (lock: HeldLock) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.runLocked(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async runLocked<T>(work: (lock: HeldLock) => Promise<T>): Promise<T> {
    const owner: Owner = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex') };
    const state = { compromised: false };
    const release = await this.acquire(owner, () => (state.compromised = true));
    try {
      const isHeld = async () => !state.compromised && (await readOwner(this.lockPath))?.token === owner.token;
      return await work({
        isHeld,
        assertHeld: async () => {
          if (!(await isHeld())) throw new ArchiveError({ code: 'changedElsewhere' });
        },
      });
    } finally {
      const current = await readOwner(this.lockPath);
      if (current?.token === owner.token) {
        const away = `${this.lockPath}.released-${owner.token}`;
        await rename(this.lockPath, away).then(
          () => rm(away, { recursive: true, force: true }),
          () => undefined,
        );
      }
      // Stops refreshing the lock; its rmdir finds the folder gone, or someone else's (not empty): ignored.
      await release().catch(() => undefined);
    }
  }

  private async acquire(owner: Owner, onCompromised: () => void): Promise<() => Promise<void>> {
    const deadline = Date.now() + WAIT_MS;
    let delay = 5;
    for (;;) {
      try {
        return await lockfile.lock(this.dir, {
          lockfilePath: this.lockPath,
          stale: STALE_MS,
          update: HEARTBEAT_MS,
          realpath: false,
          fs: withNoteInMkdir(owner),
          // Someone took the lock over (we stalled past the staleness limit): the write in progress
          // will refuse to commit (assertHeld), so nothing is lost.
          onCompromised,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // ENOTEMPTY: proper-lockfile found the lock stale but cannot rmdir it (our note is inside).
        if (code !== 'ELOCKED' && code !== 'ENOTEMPTY') {
          throw new ArchiveError({ code: 'io', params: { path: this.lockPath, detail: errorDetail(error) } });
        }
        if (await breakAbandonedLock(this.lockPath)) continue;
        if (Date.now() > deadline) throw new ArchiveError({ code: 'locked' }, { cause: error });
        await sleep(delay + Math.random() * delay);
        delay = Math.min(delay * 1.5, 40);
      }
    }
  }
}

/**
 * The file system proper-lockfile uses, but whose mkdir of the lock folder builds it aside with the
 * note inside and renames it into place: it appears whole, or (EEXIST) not at all.
 */
function withNoteInMkdir(owner: Owner): typeof fs {
  const mkdir = (path: string, callback: (error: NodeJS.ErrnoException | null) => void): void => {
    const aside = `${path}.new-${owner.token}`;
    fs.promises
      .mkdir(aside)
      .then(() => fs.promises.writeFile(join(aside, OWNER_FILE), JSON.stringify(owner)))
      .then(() => fs.promises.rename(aside, path))
      .then(
        () => callback(null),
        async (error: NodeJS.ErrnoException) => {
          await fs.promises.rm(aside, { recursive: true, force: true });
          const taken = ['ENOTEMPTY', 'EEXIST', 'EPERM', 'EACCES', 'EISDIR'].includes(error.code ?? '');
          const exists = await stat(path).then(
            () => true,
            () => false,
          );
          callback(taken && exists ? Object.assign(new Error('the lock is taken'), { code: 'EEXIST' }) : error);
        },
      );
  };
  return { ...fs, mkdir } as unknown as typeof fs;
}

/**
 * Removes the lock if its holder is gone: a process on this machine that no longer runs, a holder
 * that stopped refreshing it for longer than the staleness limit, or a folder without a note.
 * Returns true if the lock may now be free. The folder is first renamed aside and its note read
 * again, so a lock that another process took in the meantime is put back, never deleted.
 */
export async function breakAbandonedLock(lockPath: string): Promise<boolean> {
  const owner = await readOwner(lockPath);
  const info = await stat(lockPath).catch(() => undefined);
  if (!info) return true;
  const ownerGone = owner !== undefined && owner.host === hostname() && !isRunning(owner.pid);
  const staleAfter = owner ? STALE_MS : NOTELESS_STALE_MS;
  if (!ownerGone && Date.now() - info.mtimeMs <= staleAfter) return false;
  const aside = `${lockPath}.abandoned-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return true; // someone else moved it first
  }
  const moved = await readOwner(aside);
  const movedInfo = await stat(aside).catch(() => undefined);
  const sameLock =
    moved?.token === owner?.token &&
    (ownerGone || (movedInfo !== undefined && Date.now() - movedInfo.mtimeMs > staleAfter));
  if (!sameLock) {
    await rename(aside, lockPath).catch(() => undefined);
    return false;
  }
  await rm(aside, { recursive: true, force: true });
  return true;
}

async function readOwner(lockPath: string): Promise<Owner | undefined> {
  try {
    const value = JSON.parse(await readFile(join(lockPath, OWNER_FILE), 'utf8')) as Partial<Owner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return value as Owner;
    }
  } catch {
    // no note: decided by staleness alone
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
