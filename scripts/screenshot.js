// Takes the README screenshot: the app through `press-archive serve` on a fresh archive, in
// Debian's Chromium, searching a Hindi word with the first clipping open. `npm run screenshot`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const dir = await mkdtemp(join(tmpdir(), 'press-archive-shot-'));
const server = spawn(process.execPath, [join(root, 'bin/press-archive.js'), 'serve', '--archive', join(dir, 'a')], {
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
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    locale: process.env.SHOT_LOCALE ?? 'hi-IN',
  });
  await page.goto(url);
  await page.getByTestId('search-input').fill('कानपुर पुलिस');
  await page.getByTestId('result-item').first().click();
  await page.getByTestId('reader').locator('mark').first().waitFor();
  await page.evaluate(() => globalThis.document.fonts.ready);
  const out = join(root, process.env.SHOT_OUT ?? 'docs/screenshot.png');
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
  server.kill();
  await rm(dir, { recursive: true, force: true });
}
