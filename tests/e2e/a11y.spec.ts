// Accessibility of the real app through `press-archive serve`: axe-core on every screen in Hindi
// and English, the layout at 200% zoom and in a 900×700 window, and the keyboard (focus after each
// dialog and action, selection without checkboxes, F6 between panes, Ctrl+Z).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { importSamples } from './samples.ts';

/** Serious and critical axe findings on the page as it is now, one line each. */
async function axeFindings(app: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: app })
    // Experimental in axe, so off by default; it is how the names of chips and buttons were checked.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    // axe.run in the page itself: the app has no frames, so the default's gathering of every frame's
    // results into a blank page of its own adds nothing but a page load per check (half the time).
    .setLegacyMode()
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const language of ['hi', 'en'] as const) {
  test(`axe finds nothing serious on any screen, in ${language === 'hi' ? 'Hindi' : 'English'}`, async ({ app }) => {
    test.setTimeout(120_000);
    await importSamples(app);
    await app.getByTestId(`language-${language}`).click();
    await expect(app.locator('html')).toHaveAttribute('lang', language);
    const findings: Record<string, string[]> = {};
    const check = async (screen: string) => {
      findings[screen] = await axeFindings(app);
    };

    await expect(app.getByTestId('first-run')).toBeVisible();
    await check('home');

    await app.getByTestId('search-input').fill('पटना OR लखनऊ OR कानपुर');
    const refine = app.getByTestId('refine');
    await expect(refine).toBeVisible();
    if ((await refine.getAttribute('open')) === null) await refine.locator('summary').click();
    await expect(app.getByTestId('facet').first()).toBeVisible();
    await check('search with facets');

    await app.getByTestId('result-item').first().click();
    await expect(app.getByTestId('reader')).toBeVisible();
    await check('reader');

    await app.getByTestId('add-clipping').click();
    await app.getByTestId('save-clipping').click();
    await expect(app.getByTestId('clipping-form').getByTestId('error-message')).toBeVisible();
    await check('add form with errors');
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('clipping-form')).toBeHidden();

    await app.getByTestId('import-input').setInputFiles({
      name: 'broken.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from('{"title": "अधूरी", "body": "पाठ\n{"title": "पूरी", "body": "पूरी प्रविष्टि का पाठ"}\n'),
    });
    const summary = app.getByTestId('import-summary');
    await expect(summary.getByTestId('import-errors')).toBeVisible();
    // The parser's own English never reaches the user.
    await expect(summary).not.toContainText('JSON input');
    await check('import summary');
    await summary.getByRole('button').click();

    await app.getByTestId('export-data').click();
    await expect(app.getByTestId('export-dialog')).toBeVisible();
    await check('export dialog');
    await app.keyboard.press('Escape');

    await app.getByTestId('result-item').first().click();
    await app.getByTestId('trash-clipping').click();
    await expect(app.getByTestId('toast')).toBeVisible();
    await app.getByTestId('show-trash').click();
    await expect(app.getByTestId('trash-item')).toHaveCount(1);
    await check('trash');
    await app.getByTestId('show-trash').click();

    await app.getByTestId('open-backups').click();
    await expect(app.getByTestId('archive-folder')).not.toHaveText('…');
    await check('backups');

    expect(findings).toEqual({
      home: [],
      'search with facets': [],
      reader: [],
      'add form with errors': [],
      'import summary': [],
      'export dialog': [],
      trash: [],
      backups: [],
    });
  });
}

test('Hindi content is marked lang="hi" and English lang="en" in both UIs', async ({ app }) => {
  await importSamples(app);
  for (const language of ['en', 'hi'] as const) {
    await app.getByTestId(`language-${language}`).click();
    await app.getByTestId('search-input').fill('पटना OR heatwave');
    const hindiRow = app.getByTestId('result-item').filter({ hasText: 'गंगा में बढ़ा जलस्तर' });
    const englishRow = app.getByTestId('result-item').filter({ hasText: 'Heatwave alert' });
    await expect(hindiRow).toHaveAttribute('lang', 'hi');
    await expect(englishRow).toHaveAttribute('lang', 'en');
    const refine = app.getByTestId('refine');
    if ((await refine.getAttribute('open')) === null) await refine.locator('summary').click();
    const facet = app.locator('[data-testid=facet][data-value="हिंदुस्तान"]');
    await expect(facet.locator('[lang=hi]')).toHaveText('हिंदुस्तान');
    // The accessible name starts with what the chip shows; the word after the count follows its
    // plural form, in the interface's language.
    await expect(facet).toHaveAccessibleName(language === 'hi' ? 'हिंदुस्तान 1 कतरन' : 'हिंदुस्तान 1 clipping');
    const several = app.getByTestId('facet').filter({ has: app.locator('.facet-count', { hasNotText: /^1$/ }) });
    await expect(several.first()).toHaveAccessibleName(language === 'hi' ? / \d+ कतरनें$/ : / \d+ clippings$/);
    await expect(app.locator('[data-testid=facet][data-value="The Hindu"] [lang=en]')).toHaveText('The Hindu');
    await hindiRow.click();
    await expect(app.getByTestId('reader').locator('h2')).toHaveAttribute('lang', 'hi');
    await expect(app.getByTestId('reader-body')).toHaveAttribute('lang', 'hi');
    await expect(app.getByTestId('reader').locator('[data-field=publication] dd')).toHaveAttribute('lang', 'hi');
    const pdf = app.getByTestId('export-pdf');
    await expect(pdf).toHaveAccessibleName(language === 'hi' ? 'PDF बनाएँ' : 'Export PDF');
    await expect(app.getByTestId('export-pdf-list')).toHaveAccessibleName(
      language === 'hi' ? 'परिणामों की PDF' : 'PDF of results',
    );
  }
});

test.describe('at 200% zoom in a 1280×800 window (640×400 CSS px at device scale 2)', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test('three result rows show when the page scrolls to the list, and nothing scrolls sideways', async ({ app }) => {
    await importSamples(app);
    for (const language of ['hi', 'en'] as const) {
      await app.getByTestId(`language-${language}`).click();
      const list = app.getByRole('listbox');
      await list.scrollIntoViewIfNeeded();
      const rowsInView = await list.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const top = Math.max(box.top, 0);
        const bottom = Math.min(box.bottom, window.innerHeight);
        return [...element.querySelectorAll('[role=option]')].filter((row) => {
          const r = row.getBoundingClientRect();
          return r.top >= top - 1 && r.bottom <= bottom + 1;
        }).length;
      });
      expect(rowsInView, `${language}: whole rows in view`).toBeGreaterThanOrEqual(3);
      const sideways = await app.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways, `${language}: horizontal scrolling`).toBeLessThanOrEqual(0);
      // The header keeps one row: the other commands are in its menu.
      await expect(app.getByTestId('header-menu-button')).toBeVisible();
      await expect(app.getByTestId('export-data')).toBeHidden();
    }
  });
});

test.describe('in a 900×700 window', () => {
  test.use({ viewport: { width: 900, height: 700 } });

  test('the toast and the import summary cover no control', async ({ app }) => {
    await importSamples(app);
    await app.getByTestId('result-item').first().click();
    await app.getByTestId('trash-clipping').click();
    await expect(app.getByTestId('toast')).toBeVisible();
    await app.getByTestId('import-input').setInputFiles({
      name: 'broken.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from('{"title": "अधूरी"\n'),
    });
    await expect(app.getByTestId('import-summary')).toBeVisible();
    await app.getByTestId('header-menu-button').click();
    await app.getByTestId('show-trash').click();
    await expect(app.getByTestId('restore-clipping')).toHaveCount(1);
    const covered = await app.evaluate(() => {
      const overlays = [...document.querySelectorAll('[data-testid=toast], [data-testid=import-summary]')];
      const controls = [...document.querySelectorAll('button, input, select, textarea, [role=option]')].filter(
        (c) => !overlays.some((o) => o.contains(c)) && (c as HTMLElement).checkVisibility(),
      );
      /** The part of an element its scrolling ancestors and the window let show. */
      const shownRect = (element: Element) => {
        let { left, top, right, bottom } = element.getBoundingClientRect();
        for (let p = element.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflowY === 'visible') continue;
          const b = p.getBoundingClientRect();
          [left, top, right, bottom] = [
            Math.max(left, b.left),
            Math.max(top, b.top),
            Math.min(right, b.right),
            Math.min(bottom, b.bottom),
          ];
        }
        return { left, top, right: Math.min(right, innerWidth), bottom: Math.min(bottom, innerHeight) };
      };
      const hits: string[] = [];
      for (const control of controls) {
        const r = shownRect(control);
        if (r.right <= r.left || r.bottom <= r.top) continue; // scrolled out of its list or the window
        // What is on top at the centre of what shows of the control: the control, not a toast.
        const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
        if (top && overlays.some((o) => o.contains(top))) hits.push(control.outerHTML.slice(0, 80));
      }
      return hits;
    });
    expect(covered).toEqual([]);
  });
});
