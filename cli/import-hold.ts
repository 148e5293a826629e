// For the browser tests only: with PRESS_ARCHIVE_TEST_HOLD_DIR set, `serve` holds each import (and
// the full verification) at the service's hold points until a file of that point's name appears in
// the folder (or the import is cancelled), so a test can watch the progress and cancel without
// racing the machine's speed.
import { existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { ImportHold } from '../archive/service.ts';

export function importHoldFromEnv(env: NodeJS.ProcessEnv = process.env): ImportHold | undefined {
  const dir = env.PRESS_ARCHIVE_TEST_HOLD_DIR;
  if (!dir) return undefined;
  return (point, signal) =>
    new Promise<void>((resolve) => {
      const release = join(dir, point);
      const watcher = watch(dir, () => {
        if (existsSync(release)) done();
      });
      const done = () => {
        watcher.close();
        signal.removeEventListener('abort', done);
        resolve();
      };
      signal.addEventListener('abort', done);
      if (existsSync(release) || signal.aborted) done();
    });
}
