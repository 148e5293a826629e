#!/usr/bin/env node
// Makes the scanned clipping the tests import: the Hindi text in tests/fixtures/scans/khabar.hi.txt
// set in Noto Serif Devanagari (fonts-noto-core) by the system Chromium (which shapes Devanagari correctly, as
// ImageMagick without Pango does not), then turned slightly and saved as JPEG as a phone or a flat
// scanner would (ImageMagick). The test knows the true text, so what OCR reads can be compared with it.
//   node scripts/make-scan-fixture.js   → tests/fixtures/scans/khabar.png and khabar.jpg
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests', 'fixtures', 'scans');
const candidates = [process.env.PRESS_ARCHIVE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = candidates.find((path) => path && existsSync(path));
if (!executablePath) {
  console.error('No Chromium found: set PRESS_ARCHIVE_CHROMIUM to its path.');
  process.exit(1);
}

const text = await readFile(join(dir, 'khabar.hi.txt'), 'utf8');
const [title, ...paragraphs] = text.trim().split(/\n\s*\n/);
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
article { width: 560px; padding: 28px 32px; font: 19px/1.6 'Noto Serif Devanagari'; color: #111; }
h1 { font-size: 26px; margin: 0 0 14px; }
p { margin: 0 0 12px; }
</style></head><body><article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p.trim())}</p>`).join('')}</article></body></html>`;

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  await page.evaluate(() => globalThis.document.fonts.ready);
  const png = await page.locator('article').screenshot();
  const clean = join(dir, 'khabar.png');
  await writeFile(clean, png);
  // A slight turn and JPEG at quality 70: what a flatbed scan of newsprint looks like.
  execFileSync('convert', [clean, '-background', 'white', '-rotate', '0.8', '-quality', '70', join(dir, 'khabar.jpg')]);
  console.log(`tests/fixtures/scans: khabar.png (${png.length} bytes) and khabar.jpg`);
} finally {
  await browser.close();
}
