// Takes the screenshots of the reader with a scan beside its text: the scan fixture
// (tests/fixtures/scans/khabar.jpg) imported by the CLI (read by OCR), served by `press-archive
// serve`, found by a word only in the scan and opened, one line chosen so its box shows on the scan.
// In Hindi and English, 1400×860, in Debian's Chromium. `npm run screenshot:scan`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/press-archive.js');
const dir = await mkdtemp(join(tmpdir(), 'press-archive-scan-shot-'));
const archive = join(dir, 'a');
const imported = spawnSync(
  process.execPath,
  [bin, 'import', join(root, 'tests/fixtures/scans/khabar.jpg'), '--archive', archive],
  { stdio: 'inherit' },
);
if (imported.status !== 0) throw new Error('import of the scan failed');
const server = spawn(process.execPath, [bin, 'serve', '--archive', archive], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve));
const browser = await chromium.launch({
  executablePath: process.env.PRESS_ARCHIVE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

try {
  const written = [];
  for (const language of ['hi', 'en']) {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 860 },
      locale: language === 'hi' ? 'hi-IN' : 'en-US',
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('search-input').fill('मछुआरों');
    await page.getByTestId('result-item').filter({ hasText: 'झील' }).click();
    await page.getByTestId('scan-image').waitFor();
    await page.locator('.scan-lines summary').click();
    await page.getByTestId('scan-line').filter({ hasText: 'मछुआरों' }).click();
    await page.getByTestId('scan-line-box').waitFor();
    await page.evaluate(() => globalThis.document.fonts.ready);
    const out = join(root, `docs/screens/${language}-scan.png`);
    await page.screenshot({ path: out });
    written.push(out);
    await context.close();
  }
  console.log(written.join('\n'));
} finally {
  await browser.close();
  server.kill();
  await rm(dir, { recursive: true, force: true });
}
