// Clippings are untrusted text. Every field of these clippings is an XSS payload that, if it ever
// became markup, would call __xss(name) or alert(); the test shows them in the results, the search
// snippets, the reader, the add form (with a validation error) and in both languages, and prints the
// PDF. Nothing may run, no element may appear from them, and each must show as the text it is. The UI
// part runs twice: with the app's CSP, and with CSP bypassed, so it is the rendering that is proved
// safe, not only the policy.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Clipping, ClippingInput } from '../../archive/clipping.ts';
import { HOSTILE, hostileClipping, NOTHING_RAN, watchForXss, xssEvidence } from '../support/xss-payloads.ts';
import { expect, test } from './fixtures.ts';

async function expectNothingRan(page: Page, dialogs: string[], where: string): Promise<void> {
  expect(await xssEvidence(page, dialogs), where).toEqual(NOTHING_RAN);
}

/** Stores the hostile clippings through the app's own bridge (the real HTTP API), then reloads. */
async function storeHostileClippings(page: Page): Promise<Clipping[]> {
  const stored = await page.evaluate(async (inputs) => {
    const added = [];
    for (const input of inputs) {
      const answer = await window.pressArchive.add(input);
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      added.push(answer.value);
    }
    return added;
  }, HOSTILE);
  await page.reload();
  await expect(page.getByTestId('result-item')).toHaveCount(HOSTILE.length + 1);
  return stored;
}

test.use({ viewport: { width: 1400, height: 2600 } });

for (const bypassCSP of [false, true]) {
  test.describe(bypassCSP ? 'with the CSP bypassed' : 'under the app’s CSP', () => {
    test.use({ bypassCSP });

    test('payloads in every field show as text in the list, the search, the reader and both languages', async ({
      app,
    }) => {
      const dialogs = await watchForXss(app);
      const stored = await storeHostileClippings(app);
      await expectNothingRan(app, dialogs, 'results list');

      // The list: every title exactly as typed.
      const rows = app.getByTestId('result-item');
      const shownTitles = await rows.locator('.result-title').allTextContents();
      for (const input of HOSTILE) expect(shownTitles).toContain(input.title);

      // Search snippets and highlighting, and a query that is itself a payload.
      const search = app.getByTestId('search-input');
      await search.fill('onerror');
      await expect(rows.first().locator('mark').first()).toBeVisible();
      await expectNothingRan(app, dialogs, 'search snippets');
      await search.fill(`<svg onload=__xss('query')>`);
      await expectNothingRan(app, dialogs, 'search query');
      await search.fill('');
      await expect(rows).toHaveCount(HOSTILE.length + 1);

      // The reader, for every clipping: each field is shown as the text it is.
      const reader = app.getByTestId('reader');
      for (const clipping of stored) {
        await app.locator(`[data-testid="result-item"][data-id="${clipping.id}"]`).click();
        await expect(reader).toHaveAttribute('data-id', clipping.id);
        await expect(reader.locator('.reader-title')).toHaveText(clipping.title);
        const text = await reader.textContent();
        for (const value of [clipping.publication, clipping.author, clipping.section, clipping.place, clipping.page]) {
          expect(text).toContain(value);
        }
        for (const line of [...clipping.body.split('\n'), ...clipping.notes!.split('\n'), ...clipping.tags]) {
          expect(text).toContain(line);
        }
        await expect(app.getByTestId('clipping-url')).toHaveText(clipping.url!);
        await expect(app.getByTestId('clipping-url')).toHaveAttribute('href', clipping.url!);
      }
      await expectNothingRan(app, dialogs, 'reader');

      await app.getByTestId('language-hi').click();
      await expect(app.locator('html')).toHaveAttribute('lang', 'hi');
      await expectNothingRan(app, dialogs, 'reader and list in Hindi');
      await app.getByTestId('language-en').click();
    });

    test('payloads typed into the add form, with a validation error on the way, are saved as text', async ({ app }) => {
      const dialogs = await watchForXss(app);
      await app.reload();
      await app.getByTestId('add-clipping').click();
      const form = app.getByTestId('clipping-form');
      const typed = hostileClipping(1);
      for (const field of ['title', 'body', 'publication', 'author', 'section', 'edition', 'place', 'page', 'notes']) {
        await app.getByTestId(`clipping-${field}`).fill(String(typed[field as keyof ClippingInput]));
      }
      await app.getByTestId('clipping-tags').fill(typed.tags!.join(', '));
      await app.getByTestId('clipping-url').fill(`javascript:__xss('form-url')`);
      await app.getByTestId('save-clipping').click();
      await expect(form.getByTestId('error-message')).toBeVisible();
      await expectNothingRan(app, dialogs, 'form with a validation error');

      await app.getByTestId('clipping-url').fill(typed.url!);
      await app.getByTestId('save-clipping').click();
      await expect(form).toBeHidden();
      await expect(app.getByTestId('reader').locator('.reader-title')).toHaveText(typed.title);
      await expect(app.getByTestId('reader')).toContainText(typed.notes!.split('\n')[1]!);
      await expectNothingRan(app, dialogs, 'reader after saving the form');
    });
  });
}

test('the PDF of a hostile clipping holds its payloads as text', async ({ app }) => {
  const stored = await storeHostileClippings(app);

  // The reader's PDF export; pdftotext gives the payloads back as text. (The print HTML itself is
  // run with JavaScript on in tests/integration/archive/pdf/entries-html.security.test.ts.)
  const target = stored[1]!;
  await app.locator(`[data-testid="result-item"][data-id="${target.id}"]`).click();
  const downloadPromise = app.waitForEvent('download');
  await app.getByTestId('export-pdf').click();
  const download = await downloadPromise;
  const folder = await mkdtemp(join(tmpdir(), 'press-archive-xss-pdf-'));
  try {
    const pdfPath = join(folder, 'clipping.pdf');
    await download.saveAs(pdfPath);
    expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const value of [target.title, target.publication!, target.body.split('\n')[0]!]) {
      expect(text).toContain(value.replace(/\s+/g, ''));
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('a click on a clipping’s web address opens exactly that address in a new tab, nothing else', async ({ app }) => {
  const stored = await storeHostileClippings(app);
  const target = stored[3]!;
  // The new tab gets a stub answer: nothing leaves the machine.
  await app
    .context()
    .route(/^https?:\/\/example\.com\//, (route) => route.fulfill({ body: 'stub', contentType: 'text/plain' }));
  await app.locator(`[data-testid="result-item"][data-id="${target.id}"]`).click();
  const appPage = app.url();
  const opened = app.context().waitForEvent('page');
  await app.getByTestId('clipping-url').click();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(tab.url()).toBe(new URL(target.url!).href);
  expect(await tab.evaluate(() => window.opener)).toBeNull(); // noopener: the site cannot reach back
  expect(app.url()).toBe(appPage); // the app itself never navigates away
  await tab.close();
});
