// Runs the built press-archive CLI as a real process, the way a user or another tool would.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/press-archive.js', import.meta.url));
export const BUILT = existsSync(new URL('../../out/cli/press-archive.js', import.meta.url));
/** For a test file's beforeAll: the CLI tests run the built CLI, so a missing build is said plainly. */
export function assertCliBuilt(): void {
  if (!BUILT) throw new Error('out/cli is missing: run `npm run build` before the unit tests (npm test does)');
}

export const TEST_CACHE_DIR = join(tmpdir(), 'press-archive-test-cache');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // The saved search index goes to a temp folder, not the user's ~/.cache.
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', PRESS_ARCHIVE_CACHE_DIR: TEST_CACHE_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
