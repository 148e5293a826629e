#!/usr/bin/env node
// npm run icon — renders build/icon.svg to build/icon.png (512×512, transparent corners) with the
// system Chromium, for electron-builder (which makes the .icns and .ico from it).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 512;
const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const candidates = [
  process.env.PRESS_ARCHIVE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const executablePath = candidates.find((path) => path && existsSync(path));
if (!executablePath) {
  console.error('No Chromium found: set PRESS_ARCHIVE_CHROMIUM to its path.');
  process.exit(1);
}

const svg = await readFile(join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  await writeFile(join(buildDir, 'icon.png'), png);
  console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
