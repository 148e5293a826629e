// One writer at a time: a promise chain inside this process, a lock folder across processes
// (the app and the CLI may run at once). proper-lockfile takes over a lock left by a crashed process.
import lockfile from 'proper-lockfile';
import { join } from 'node:path';
import { ArchiveError } from '../errors.ts';

const STALE_MS = 10_000;

export class ArchiveLock {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  get lockPath(): string {
    return join(this.dir, 'archive.lock');
  }

  /** Runs `work` while holding the archive's write lock. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.runLocked(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async runLocked<T>(work: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.dir, {
        lockfilePath: this.lockPath,
        stale: STALE_MS,
        retries: { retries: 60, factor: 1.3, minTimeout: 10, maxTimeout: 500 },
        onCompromised: () => {
          // The lock folder was touched by someone else while we held it; the write in progress
          // still completes atomically, so report instead of crashing the process.
          console.warn('press-archive: the archive lock was taken over by another process');
        },
      });
    } catch (error) {
      throw new ArchiveError({ code: 'locked' }, { cause: error });
    }
    try {
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }
}
