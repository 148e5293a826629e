// Takes the README screenshots: the app through `press-archive serve` on a fresh archive with the
// sample clippings (tests/fixtures/sample-clippings.ndjson), in Debian's Chromium, in Hindi and
// English: at 100% (1280×800, a search with the first result open), at 200% zoom (1280×800 at
// device scale 2, which is 640×400 CSS px: the page reflows into one column; the whole page) and
// in a 900×700 window (a search; timeline and facets start folded there). `npm run screenshot`.
import { join } from 'node:path';
import { root, withServedArchive } from './screenshot-session.js';

const SHOTS = [
  { name: '100', viewport: { width: 1280, height: 800 }, scale: 1, query: 'कानपुर पुलिस', open: true },
  // The whole page: at 200% it scrolls as one column (header, list with three rows, reader).
  { name: '200', viewport: { width: 640, height: 400 }, scale: 2, query: '', open: false, fullPage: true },
  { name: '900x700', viewport: { width: 900, height: 700 }, scale: 1, query: 'पटना OR लखनऊ OR कानपुर', open: true },
];

await withServedArchive('tests/fixtures/sample-clippings.ndjson', async (browser, url) => {
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
  return written;
});
