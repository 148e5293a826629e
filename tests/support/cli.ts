// The press-archive CLI for tests: in this process through its `main` (fast: no Node start, no
// build needed), or as a real process of the built CLI, the way a user or another tool runs it
// (for exit codes, the npx bin, signals, several processes at once).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfPrinter } from '../../archive/pdf/printer.ts';

export const BIN = fileURLToPath(new URL('../../bin/press-archive.js', import.meta.url));
export const BUILT = existsSync(new URL('../../out/cli/press-archive.js', import.meta.url));
/** For a test file's beforeAll: the CLI process tests run the built CLI, so a missing build is said plainly. */
export function assertCliBuilt(): void {
  if (!BUILT) throw new Error('out/cli is missing: run `npm run build` before the unit tests (npm test does)');
}

export const TEST_CACHE_DIR = join(tmpdir(), 'press-archive-test-cache');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** English, and the saved search index in a temp folder, not the user's ~/.cache. */
function testEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', PRESS_ARCHIVE_CACHE_DIR: TEST_CACHE_DIR, ...env };
}

export interface InProcessOptions {
  cwd?: string;
  /** A printer to share between calls (one Chromium for a whole test file). */
  printer?: PdfPrinter;
}

/** The CLI's `main` in this process (under Vitest), with its own output, environment and folder. */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: InProcessOptions = {},
): Promise<CliResult> {
  // In-process needs Vite's transforms (the CLI imports text files, as the build does): under
  // Playwright the same call runs the built CLI as a process.
  if (!process.env.VITEST) return runCliProcess(args, env, { cwd: options.cwd });
  // Loaded on first use: files that only need BIN (serve) do not load the whole CLI.
  const { main } = await import('../../cli/press-archive.ts');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: testEnv(env),
    cwd: options.cwd ?? process.cwd(),
    ...(options.printer ? { printer: options.printer } : {}),
  });
  return { code, stdout, stderr };
}

/** The built CLI as a real process (bin/press-archive.js), as `npx press-archive` runs it. */
export function runCliProcess(
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: testEnv(env),
      cwd: options.cwd,
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
