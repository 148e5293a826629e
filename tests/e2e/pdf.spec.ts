// PDF export from the UI: the real renderer asks the real service (through `press-archive serve`),
// which prints with a system Chromium; the browser saves the download, poppler reads it back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyArea, footArea, pdfFonts, pdfInfo, pdfOutline, pdfText, squeeze } from '../support/poppler.ts';
import { tempDir } from '../support/temp.ts';
import { expect, test } from './fixtures.ts';

const SEED_TITLE_START = 'उत्तर प्रदेश सरकार के 8 वर्ष';
const FIRST_ARTICLE_TEXT = readFileSync(new URL('../../archive/seed/first-article.hi.txt', import.meta.url), 'utf8');

test('exports the open clipping as a PDF download: Devanagari embedded, the text back, A4', async ({ app }) => {
  await app.getByTestId('result-item').first().click();
  const button = app.getByTestId('reader').getByTestId('export-pdf');
  const downloading = app.waitForEvent('download');
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${SEED_TITLE_START}.*\\.pdf$`));
  await expect(button).toHaveAttribute('aria-busy', 'false');

  const { dir, cleanup } = await tempDir('press-archive-e2e-pdf-');
  try {
    const file = join(dir, 'clipping.pdf');
    await download.saveAs(file);
    const info = await pdfInfo(file);
    expect(info.pageSize).toContain('(A4)');
    expect(info.pages).toBe(1);
    expect((await pdfFonts(file)).map((f) => f.name)).toContainEqual(expect.stringMatching(/NotoSansDevanagari/));
    expect(squeeze(await pdfText(file, { area: bodyArea(info) }))).toContain(squeeze(FIRST_ARTICLE_TEXT));
    expect(squeeze(await pdfText(file, { area: footArea(info) }))).toBe('Page1of1'); // the UI is in English
  } finally {
    await cleanup();
  }
});

test('exports the whole list, and a search’s results, with a cover and a bookmark per clipping', async ({ app }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  const added = await app.evaluate(() =>
    window.pressArchive.add({ title: 'पटना में बाढ़', body: 'गंगा का जलस्तर बढ़ा।', publication: 'हिंदुस्तान' }),
  );
  expect(added.ok).toBe(true);
  await app.reload();
  await expect(app.getByTestId('result-item')).toHaveCount(2);

  const { dir, cleanup } = await tempDir('press-archive-e2e-pdf-');
  try {
    const listButton = app.getByTestId('export-pdf-list');
    let downloading = app.waitForEvent('download');
    await listButton.click();
    let download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^press-archive-\d{4}-\d{2}-\d{2}\.pdf$/);
    const all = join(dir, 'all.pdf');
    await download.saveAs(all);
    const outline = await pdfOutline(all);
    expect(outline.map((e) => e.title)).toEqual([
      'Contents',
      'पटना में बाढ़',
      expect.stringMatching(`^${SEED_TITLE_START}`),
    ]);
    expect(squeeze(await pdfText(all, { first: 1, last: 1 }))).toContain('Thewholearchive');

    await app.getByTestId('search-input').fill('पटना');
    await expect(app.getByTestId('result-item')).toHaveCount(1);
    downloading = app.waitForEvent('download');
    await listButton.click();
    download = await downloading;
    const found = join(dir, 'found.pdf');
    await download.saveAs(found);
    expect((await pdfOutline(found)).map((e) => e.title)).toEqual(['पटना में बाढ़']);
  } finally {
    await cleanup();
  }
});
