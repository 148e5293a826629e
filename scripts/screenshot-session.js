// What the screenshot scripts share: a fresh archive in a temp folder filled by `press-archive import`,
// served by `press-archive serve`, and Debian's Chromium to look at it; all gone afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

export const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/press-archive.js');

/**
 * Imports `file` (a path under the project) into a new archive, serves it, and gives `shoot` the
 * browser and the app's address; prints the files `shoot` returns.
 */
export async function withServedArchive(file, shoot) {
  const dir = await mkdtemp(join(tmpdir(), 'press-archive-shot-'));
  const archive = join(dir, 'a');
  const imported = spawnSync(process.execPath, [bin, 'import', join(root, file), '--archive', archive], {
    stdio: 'inherit',
  });
  if (imported.status !== 0) throw new Error(`import of ${file} failed`);
  const server = spawn(process.execPath, [bin, 'serve', '--archive', archive], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.PRESS_ARCHIVE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const written = await shoot(browser, url);
    console.log(written.join('\n'));
  } finally {
    await browser.close();
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
}
