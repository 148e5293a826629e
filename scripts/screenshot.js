// Takes the README screenshots: the app through `press-archive serve` on a fresh archive with the
// sample clippings (tests/fixtures/sample-clippings.ndjson), in Debian's Chromium, in Hindi and
// English: at 100% (1280×800, a search with the first result open), at 200% zoom (1280×800 at
// device scale 2, which is 640×400 CSS px: the page reflows into one column; the whole page) and
// in a 900×700 window (a search; timeline and facets start folded there). `npm run screenshot`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/press-archive.js');
const dir = await mkdtemp(join(tmpdir(), 'press-archive-shot-'));
const archive = join(dir, 'a');
const imported = spawnSync(
  process.execPath,
  [bin, 'import', join(root, 'tests/fixtures/sample-clippings.ndjson'), '--archive', archive],
  {
    stdio: 'inherit',
  },
);
if (imported.status !== 0) throw new Error('import of the sample clippings failed');
const server = spawn(process.execPath, [bin, 'serve', '--archive', archive], { stdio: ['ignore', 'pipe', 'inherit'] });
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

const SHOTS = [
  { name: '100', viewport: { width: 1280, height: 800 }, scale: 1, query: 'कानपुर पुलिस', open: true },
  // The whole page: at 200% it scrolls as one column (header, list with three rows, reader).
  { name: '200', viewport: { width: 640, height: 400 }, scale: 2, query: '', open: false, fullPage: true },
  { name: '900x700', viewport: { width: 900, height: 700 }, scale: 1, query: 'पटना OR लखनऊ OR कानपुर', open: true },
];

try {
  const written = [];
  for (const language of ['hi', 'en']) {
    for (const shot of SHOTS) {
      const context = await browser.newContext({
        viewport: shot.viewport,
        deviceScaleFactor: shot.scale,
        locale: language === 'hi' ? 'hi-IN' : 'en-US',
      });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByTestId('result-item').first().waitFor();
      if (shot.query) {
        await page.getByTestId('search-input').fill(shot.query);
        await page.getByTestId('result-count').filter({ hasText: shot.query }).waitFor();
      }
      if (shot.open) {
        await page.getByTestId('result-item').first().click();
        await page.getByTestId('reader').waitFor();
      }
      await page.evaluate(() => globalThis.document.fonts.ready);
      const out = join(root, `docs/screens/${language}-${shot.name}.png`);
      await page.screenshot({ path: out, fullPage: shot.fullPage === true });
      written.push(out);
      await context.close();
    }
  }
  console.log(written.join('\n'));
} finally {
  await browser.close();
  server.kill();
  await rm(dir, { recursive: true, force: true });
}
