// Takes the screenshots of the reader with a scan beside its text: the scan fixture
// (tests/fixtures/scans/khabar.jpg) imported by the CLI (read by OCR), served by `press-archive
// serve`, found by a word only in the scan and opened, one line chosen so its box shows on the scan.
// In Hindi and English, 1400×860, in Debian's Chromium. `npm run screenshot:scan`.
import { join } from 'node:path';
import { root, withServedArchive } from './screenshot-session.js';

await withServedArchive('tests/fixtures/scans/khabar.jpg', async (browser, url) => {
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
  return written;
});
