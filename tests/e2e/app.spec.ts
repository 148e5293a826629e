// The real renderer, worker, service and disk, through `press-archive serve` in Chromium.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { API_METHODS } from '../../archive/api-methods.ts';
import type { Locator } from '@playwright/test';
import { snapshotFiles } from '../support/snapshot.ts';
import { expect, test } from './fixtures.ts';

const SEED_TITLE_START = 'उत्तर प्रदेश सरकार के 8 वर्ष';

async function shardsText(archiveDir: string): Promise<string> {
  // The shard files only: their summaries beside them repeat the short fields.
  const files = (await readdir(join(archiveDir, 'shards'))).filter((f) => !f.endsWith('.summary.json'));
  return (await Promise.all(files.map((f) => readFile(join(archiveDir, 'shards', f), 'utf8')))).join('\n');
}

test('lists the first clipping and opens it in the reader', async ({ app }) => {
  const items = app.getByTestId('result-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(SEED_TITLE_START);
  await expect(app.getByTestId('result-count')).toContainText('1');
  await items.first().click();
  const reader = app.getByTestId('reader');
  await expect(reader).toContainText(SEED_TITLE_START);
  await expect(reader.getByTestId('reader-body').locator('p')).toHaveCount(5);
  await expect(reader).toContainText('ड्रोन निगरानी');
});

test('renders Devanagari with the bundled Noto Sans Devanagari', async ({ app }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  const fontReady = await app.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('16px "Noto Sans Devanagari"', 'कानपुर');
  });
  expect(fontReady).toBe(true);
  const family = await app
    .getByTestId('result-item')
    .first()
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toContain('Noto Sans Devanagari');
});

test('search finds the first clipping and marks the matches', async ({ app }) => {
  const search = app.getByTestId('search-input');
  await expect(search).toHaveAttribute('type', 'search');
  await search.fill('कानपुर');
  const items = app.getByTestId('result-item');
  await expect(items).toHaveCount(1);
  await expect(items.first().locator('mark').first()).toHaveText('कानपुर');
  await search.fill('ममता');
  await expect(items).toHaveCount(0);
  await search.fill('');
  await expect(items).toHaveCount(1);
});

test('adds a clipping through the form; it is searchable, survives a reload and is on disk', async ({
  app,
  archiveDir,
}) => {
  await app.getByTestId('add-clipping').click();
  const form = app.getByTestId('clipping-form');
  await expect(form).toBeVisible();
  await app.getByTestId('clipping-title').fill('गंगा में बढ़ा जलस्तर');
  await app
    .getByTestId('clipping-body')
    .fill('पटना में गंगा नदी का जलस्तर खतरे के निशान से ऊपर पहुंच गया।\nप्रशासन ने चेतावनी जारी की।');
  await app.getByTestId('save-clipping').click();
  await expect(form).toBeHidden();

  const items = app.getByTestId('result-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('गंगा में बढ़ा जलस्तर'); // newest first
  await expect(app.getByTestId('reader')).toContainText('प्रशासन ने चेतावनी जारी की');

  await app.getByTestId('search-input').fill('चेतावनी');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('गंगा में बढ़ा जलस्तर');
  await expect(items.first().locator('mark')).toHaveText(['चेतावनी']);

  await app.reload();
  await expect(app.getByTestId('result-item')).toHaveCount(2);
  await expect(app.getByTestId('result-item').first()).toContainText('गंगा में बढ़ा जलस्तर');
  const onDisk = await shardsText(archiveDir);
  expect(onDisk).toContain('"title": "गंगा में बढ़ा जलस्तर"');
  expect(onDisk).toContain('प्रशासन ने चेतावनी जारी की।');
});

test('an empty title shows an error and saves nothing', async ({ app, archiveDir }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  const before = await snapshotFiles(archiveDir);
  await app.getByTestId('add-clipping').click();
  await app.getByTestId('clipping-body').fill('बिना शीर्षक का पाठ');
  await app.getByTestId('save-clipping').click();
  await expect(app.getByTestId('error-message')).toBeVisible();
  await expect(app.getByTestId('error-message')).toContainText('Title');
  await expect(app.getByTestId('clipping-form')).toBeVisible();
  expect(await snapshotFiles(archiveDir)).toEqual(before);
  await app.reload();
  await expect(app.getByTestId('result-item')).toHaveCount(1);
});

test('a bad date and a non-http address are refused by the archive with per-field messages', async ({
  app,
  archiveDir,
}) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  const before = await snapshotFiles(archiveDir);
  await app.getByTestId('add-clipping').click();
  await app.getByTestId('clipping-title').fill('ग़लत तारीख़');
  await app.getByTestId('clipping-body').fill('पाठ');
  await app.getByLabel(/^Date/).fill('2024-02-30');
  await app.getByLabel(/^Web address/).fill('javascript:alert(1)');
  await app.getByTestId('save-clipping').click();
  await expect(app.getByTestId('error-message')).toContainText('YYYY-MM-DD');
  await expect(app.getByTestId('error-message')).toContainText('https://');
  await expect(app.getByLabel(/^Date/)).toHaveAttribute('aria-invalid', 'true');
  expect(await snapshotFiles(archiveDir)).toEqual(before);
});

test('the page gets exactly the API as window.pressArchive and no Node', async ({ app }) => {
  const shape = await app.evaluate(() => ({
    keys: Object.keys((window as unknown as { pressArchive: object }).pressArchive).sort(),
    node: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(shape).toEqual({
    keys: [...API_METHODS, 'answerBytes', 'workerAccess', 'onCommand', 'onProgress'].sort(),
    node: 'undefined',
    process: 'undefined',
  });
});

// Layout: buttons that touch or wrap word by word were a real bug (the reader's toolbar had no gap).
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The space between two boxes: negative when they overlap, 0 when they touch. */
function gapBetween(a: Box, b: Box): number {
  return Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));
}

async function boxesOf(locators: Locator[]): Promise<Box[]> {
  return Promise.all(
    locators.map(async (l) => {
      const box = await l.boundingBox();
      if (box === null) throw new Error(`${l} is not on the page`);
      return box;
    }),
  );
}

for (const width of [1280, 900]) {
  test(`the reader's buttons stand apart, in Hindi and English, ${width} px wide`, async ({ app }) => {
    await app.setViewportSize({ width, height: 800 });
    await app.getByTestId('result-item').first().click();
    const reader = app.getByTestId('reader');
    const edit = reader.getByTestId('edit-clipping');
    const buttons = [reader.getByTestId('export-pdf'), edit, reader.getByTestId('trash-clipping')];
    for (const language of ['hi', 'en']) {
      await app.getByTestId(`language-${language}`).click();
      await expect(edit).toHaveText(language === 'hi' ? 'संपादित करें' : 'Edit');
      const boxes = await boxesOf(buttons);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(gapBetween(boxes[i]!, boxes[j]!), `${language}: buttons ${i} and ${j}`).toBeGreaterThanOrEqual(4);
        }
      }
    }
  });
}

test('in a 900 px window the header keeps one row: the other commands fold into the menu', async ({ app }) => {
  await app.setViewportSize({ width: 900, height: 800 });
  const header = app.getByRole('banner');
  for (const language of ['hi', 'en']) {
    await app.getByTestId(`language-${language}`).click();
    await expect(app.getByTestId('add-clipping')).toContainText(language === 'hi' ? 'कतरन जोड़ें' : 'Add clipping');
    await expect(app.getByTestId('show-trash')).toBeHidden();
    const menuButton = app.getByTestId('header-menu-button');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    const addBox = (await app.getByTestId('add-clipping').boundingBox())!;
    const switchBox = (await app.getByTestId('language-en').boundingBox())!;
    expect(Math.abs(addBox.y - switchBox.y), 'one row').toBeLessThan(addBox.height / 2);
    await menuButton.click();
    await expect(app.getByTestId('show-trash')).toBeVisible();
    const buttons = await header.getByRole('button').filter({ visible: true }).all();
    const boxes = await boxesOf(buttons);
    const oneLine = Math.min(...boxes.map((b) => b.height));
    for (const [i, box] of boxes.entries()) {
      const name = `${language}: ${await buttons[i]!.textContent()}`;
      expect(box.height, `${name} wraps`).toBeLessThan(oneLine * 1.5);
      expect(box.x + box.width, `${name} is cut off`).toBeLessThanOrEqual(900);
    }
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('show-trash')).toBeHidden();
    await expect(menuButton).toBeFocused();
  }
});
