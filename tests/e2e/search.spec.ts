// Hindi-aware search in the real app (renderer, worker, service, disk) through `press-archive serve`:
// Latin and variant spellings, facets, syntax errors, the timeline, sorting, saved searches, the
// saved index, and a long virtualized list.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { syntheticClipping } from '../../bench/support/hindi-corpus.ts';
import { EVAL_DOCS } from '../search-eval/clippings.ts';
import { runCli } from '../support/cli.ts';
import { expect, test } from './fixtures.ts';

const SEED_TITLE_START = 'उत्तर प्रदेश सरकार के 8 वर्ष';

/** Adds clippings through the API (as an import would) and reloads the page. */
async function addClippings(app: Page, records: object[]): Promise<void> {
  const added = await app.evaluate(async (content) => {
    const bridge = (window as unknown as { pressArchive: Record<string, (input: unknown) => Promise<unknown>> })
      .pressArchive;
    return bridge.importFiles!({ files: [{ name: 'clippings.json', content }] });
  }, JSON.stringify(records));
  expect(added).toMatchObject({ ok: true });
  await app.reload();
  await expect(app.getByTestId('result-count')).toContainText(String(records.length + 1));
}

const fixtures = () =>
  EVAL_DOCS.filter((d) => d.id !== 'seed').map(({ title, body, publication, author, place, tags, date }) => ({
    title,
    body,
    publication,
    author,
    place,
    tags,
    date,
  }));

test('Latin "kanpur" finds the first clipping and marks कानपुर', async ({ app }) => {
  const items = app.getByTestId('result-item');
  await expect(items).toHaveCount(1);
  await app.getByTestId('search-input').fill('kanpur');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(SEED_TITLE_START);
  await expect(items.first().locator('mark').first()).toHaveText('कानपुर');
  await expect(app.getByTestId('result-count')).toContainText('1 result');
  await items.first().click();
  await expect(app.getByTestId('reader').locator('mark').first()).toHaveText('कानपुर');
});

test('variant spellings and acronyms find the first clipping', async ({ app }) => {
  const search = app.getByTestId('search-input');
  const items = app.getByTestId('result-item');
  await expect(items).toHaveCount(1);
  const cases: [string, string][] = [
    ['क़ानून', 'कानून'], // nukta: the clipping writes कानून
    ['CCTV', 'सीसीटीवी'], // letter names
    ['DGP', 'डीजीपी'],
    ['कमिश्न', 'कमिश्नरी'], // the word being typed is a prefix
    ['"जन संवाद"', 'जन'],
  ];
  for (const [query, marked] of cases) {
    await search.fill(query);
    await expect(items, query).toHaveCount(1);
    await expect(items.first().locator('mark').first(), query).toHaveText(marked);
  }
  await search.fill('ममता');
  await expect(items).toHaveCount(0);
  await expect(app.locator('.list-empty')).toContainText('ममता');
});

test('facets count the matches and filter on click', async ({ app }) => {
  await addClippings(app, fixtures());
  const items = app.getByTestId('result-item');
  const search = app.getByTestId('search-input');
  await search.fill('कानपुर');
  await expect(app.getByTestId('result-count')).toContainText('7 results');
  const amarUjala = app.locator('[data-testid=facet][data-field=publication][data-value="अमर उजाला"]');
  await expect(amarUjala).toContainText('2');
  await amarUjala.click();
  await expect(search).toHaveValue('कानपुर publication:"अमर उजाला"');
  await expect(app.getByTestId('result-count')).toContainText('2 results');
  await expect(items).toHaveCount(2);
  for (const item of await items.all()) await expect(item).toContainText('अमर उजाला');
  await expect(amarUjala).toHaveAttribute('aria-pressed', 'true');
  await amarUjala.click();
  await expect(search).toHaveValue('कानपुर');
  await expect(app.getByTestId('result-count')).toContainText('7 results');
  await app.locator('[data-testid=facet][data-field=year][data-value="2023"]').click();
  await expect(search).toHaveValue('कानपुर date:2023');
  await expect(app.getByTestId('result-count')).toContainText('2 results');
});

test('while the next answer is on its way, the list keeps the rows it shows and says it is busy', async ({ app }) => {
  await addClippings(app, fixtures());
  const search = app.getByTestId('search-input');
  const count = app.getByTestId('result-count');
  const list = app.getByRole('listbox');
  await search.fill('कानपुर');
  await expect(count).toContainText('7 results');
  await expect(list).toHaveAttribute('aria-busy', 'false');
  // The rows' passages come after the rows: the probe starts once every row drawn shows its own.
  await expect
    .poll(() =>
      app.evaluate(() => {
        const passages = [...document.querySelectorAll('[data-testid="result-item"] .result-snippet')];
        return passages.length > 0 && passages.every((passage) => passage.textContent!.trim() !== '');
      }),
    )
    .toBe(true);
  // A probe notes, at every change of the list, how many rows it shows and whether it says it is busy.
  await app.evaluate(() => {
    const listbox = document.querySelector('[role="listbox"]')!;
    const states: { rows: number; busy: string | null; text: string }[] = [];
    (window as unknown as { __listStates: typeof states }).__listStates = states;
    const rows = () => [...listbox.querySelectorAll<HTMLElement>('[data-testid="result-item"]')];
    const text = () =>
      rows()
        .map((row) => row.innerText)
        .join('\n');
    states.push({ rows: rows().length, busy: listbox.getAttribute('aria-busy'), text: text() });
    new MutationObserver(() =>
      states.push({ rows: rows().length, busy: listbox.getAttribute('aria-busy'), text: text() }),
    ).observe(listbox, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await search.fill('पुलिस');
  await expect(count).toContainText('“पुलिस”');
  await expect(list).toHaveAttribute('aria-busy', 'false');
  const states = await app.evaluate(
    () => (window as unknown as { __listStates: { rows: number; busy: string | null; text: string }[] }).__listStates,
  );
  // The keystroke is drawn before the worker can answer: the rows of कानपुर stay, busy, each with
  // its title and passage as before; then the new ones come and the list is no longer busy.
  const firstBusy = states.findIndex((state) => state.busy === 'true');
  expect(firstBusy).toBeGreaterThan(0);
  const shown = states[firstBusy - 1]!;
  expect(shown.busy).toBe('false');
  expect(shown.rows).toBeGreaterThan(0);
  const whileBusy = states.slice(
    firstBusy,
    states.findIndex((state, i) => i > firstBusy && state.busy !== 'true'),
  );
  expect(whileBusy.length).toBeGreaterThan(0);
  expect(whileBusy.filter((state) => state.rows !== shown.rows || state.text !== shown.text)).toEqual([]);
  expect(states.filter((state) => state.rows === 0)).toEqual([]);
  expect(states.at(-1)!.busy).toBe('false');
});

test('timeline and facets stay closed once closed, across searches and restarts', async ({ app }) => {
  await addClippings(app, fixtures());
  const search = app.getByTestId('search-input');
  const refine = app.getByTestId('refine');
  const facet = app.locator('[data-testid=facet][data-field=publication]').first();
  await search.fill('कानपुर');
  await expect(refine).toHaveAttribute('open', '');
  await expect(facet).toBeVisible();
  await refine.locator('summary').click();
  await expect(facet).toBeHidden();
  await search.fill('पुलिस');
  await expect(app.getByTestId('result-count')).toContainText('पुलिस');
  await expect(refine).not.toHaveAttribute('open');
  await app.reload();
  await app.getByTestId('search-input').fill('कानपुर');
  await expect(app.getByTestId('result-count')).toContainText('7 results');
  await expect(refine).not.toHaveAttribute('open');
  await refine.locator('summary').click();
  await expect(facet).toBeVisible();
});

test('a syntax error is explained, in English and in Hindi, and goes when fixed', async ({ app }) => {
  const search = app.getByTestId('search-input');
  await search.fill('titel:कानपुर');
  const error = app.getByTestId('error-message');
  await expect(error).toContainText('"titel:" is not a field');
  await expect(error).toContainText('title:');
  await expect(app.locator('.list-empty')).toContainText('Correct the search');
  await app.getByTestId('language-hi').click();
  await expect(error).toContainText('कोई फ़ील्ड नहीं है');
  await search.fill('date:2024-13');
  await expect(error).toContainText('तारीख़ नहीं है');
  await search.fill('title:कानपुर');
  await expect(error).toHaveCount(0);
  await expect(app.getByTestId('result-item')).toHaveCount(1);
});

test('the timeline filters by brushing, with the mouse and the keyboard', async ({ app }) => {
  await addClippings(app, fixtures());
  const search = app.getByTestId('search-input');
  await search.fill('पुलिस');
  const timeline = app.getByTestId('timeline');
  await expect(timeline).toBeVisible();
  const bars = timeline.locator('rect');
  const periods = await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute('data-period')!));
  expect(periods.length).toBeGreaterThan(2);
  // Drag from the first bar to the second.
  const box = (await timeline.boundingBox())!;
  const x = (i: number) => box.x + ((i + 0.5) / periods.length) * box.width;
  await app.mouse.move(x(0), box.y + box.height - 3);
  await app.mouse.down();
  await app.mouse.move(x(1), box.y + box.height - 3, { steps: 4 });
  await app.mouse.up();
  await expect(search).toHaveValue(`पुलिस date:${periods[0]}..${periods[1]}`);
  await expect(bars.nth(0)).toHaveClass(/kept/);
  // Keyboard: from the last bar, Shift+Left keeps the last two.
  await app.getByTestId('timeline-clear').click();
  await expect(search).toHaveValue('पुलिस');
  await timeline.focus();
  await app.keyboard.press('End');
  await app.keyboard.press('Shift+ArrowLeft');
  const n = periods.length;
  await expect(search).toHaveValue(`पुलिस date:${periods[n - 2]}..${periods[n - 1]}`);
  await app.keyboard.press('Escape');
  await expect(search).toHaveValue('पुलिस');
});

test('sorts by date, and saves a search in the archive folder', async ({ app, archiveDir }) => {
  await addClippings(app, fixtures());
  const search = app.getByTestId('search-input');
  await search.fill('स्वास्थ्य');
  const items = app.getByTestId('result-item');
  await expect(items).toHaveCount(4);
  await app.getByTestId('search-sort').selectOption('oldest');
  await expect(items.first()).toContainText('2024-01-20');
  await app.getByTestId('search-sort').selectOption('newest');
  await expect(items.first()).toContainText('2024-08-16');
  await app.getByTestId('save-search').click();
  await app.getByTestId('save-search-name').fill('स्वास्थ्य खबरें');
  await app.getByTestId('save-search-confirm').click();
  await expect(app.getByTestId('saved-search')).toHaveText('★ स्वास्थ्य खबरें');
  const onDisk = JSON.parse(await readFile(join(archiveDir, 'saved-searches.json'), 'utf8'));
  expect(onDisk.searches).toEqual([{ name: 'स्वास्थ्य खबरें', query: 'स्वास्थ्य', sort: 'newest' }]);
  await app.reload();
  await app.getByTestId('saved-search').click();
  await expect(search).toHaveValue('स्वास्थ्य');
  await expect(app.getByTestId('search-sort')).toHaveValue('newest');
  await expect(items.first()).toContainText('2024-08-16');
});

test('the index is saved in the browser and catches up with changes made elsewhere', async ({ app, archiveDir }) => {
  await app.getByTestId('search-input').fill('kanpur');
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  // Saved a moment after the index is built.
  await expect
    .poll(() =>
      app.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('press-archive-search');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('indexes')) return resolve(0);
              const count = db.transaction('indexes').objectStore('indexes').count();
              count.onsuccess = () => resolve(count.result);
            };
            open.onerror = () => resolve(-1);
          }),
      ),
    )
    .toBe(1);
  const added = await runCli([
    'add',
    '--archive',
    archiveDir,
    '--title',
    'लखनऊ में पतंग उत्सव',
    '--body',
    'गोमती तट पर रंग बिरंगी पतंगें उड़ीं।',
  ]);
  expect(added.code).toBe(0);
  await app.reload();
  await app.getByTestId('search-input').fill('patang');
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  await expect(app.getByTestId('result-item').first()).toContainText('पतंग उत्सव');
});

test('a long result list stays virtual and keyboard navigation reaches its end', async ({ app }) => {
  test.setTimeout(120_000);
  // The list's length is what is tested, not the index's size: three sentences of each body.
  const records = Array.from({ length: 3000 }, (_, n) => {
    const { title, body, publication, place, tags, date } = syntheticClipping(n);
    return { title, body: body.split('।').slice(0, 3).join('।'), publication, place, tags, date };
  });
  await addClippings(app, records);
  const search = app.getByTestId('search-input');
  await search.fill('सरकार');
  const count = app.getByTestId('result-count');
  // The first answer waits for the index of 3,000 clippings to be built: wait for it, however long
  // this machine takes, within the test's own time.
  await expect(count).toContainText(/[\d,]+ results/, { timeout: 100_000 });
  const total = Number((await count.innerText()).replace(/\D+.*$/s, '').replace(/,/g, ''));
  expect(total).toBeGreaterThan(500);
  const rows = await app.getByTestId('result-item').count();
  expect(rows).toBeLessThan(40);
  await search.press('ArrowDown');
  await expect(app.getByTestId('reader')).toBeVisible();
  await app.keyboard.press('End');
  const last = app.locator(`[data-testid=result-item][data-index="${total - 1}"]`);
  await expect(last).toHaveAttribute('aria-current', 'true');
  const lastId = await last.getAttribute('data-id');
  await expect(app.getByTestId('reader')).toHaveAttribute('data-id', lastId!);
  await app.keyboard.press('Home');
  await expect(app.locator('[data-testid=result-item][data-index="0"]')).toHaveAttribute('aria-current', 'true');
});

test('exports every result of a search, not only the pages the list has loaded', async ({ app }) => {
  test.setTimeout(120_000);
  // More results than one page the list asks the worker for (use-search.ts PAGE = 100), and more
  // than one PDF takes (2,000).
  const MATCHES = 2100;
  const records = [
    ...Array.from({ length: MATCHES }, (_, i) => ({
      title: `बाढ़ राहत शिविर ${i}`,
      body: `पटना में बाढ़ से ${i} परिवार प्रभावित हुए।`,
      date: `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`,
    })),
    ...Array.from({ length: 5 }, (_, i) => ({ title: `चुनाव ${i}`, body: `लखनऊ के ${i} केंद्रों पर मतदान` })),
  ];
  await addClippings(app, records);
  await app.getByTestId('search-input').fill('बाढ़');
  await expect(app.getByTestId('result-count')).toContainText(/2,?100 results/, { timeout: 100_000 });
  await app.getByTestId('search-sort').selectOption('newest');
  const rows = app.getByTestId('result-item');
  await expect(rows.first()).toContainText('2024');
  const shown = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));
  expect(shown.length).toBeLessThan(100); // the list has loaded a page or so, not all

  await app.getByTestId('export-data').click();
  await app.getByTestId('export-scope-results').check();
  await app.getByTestId('export-format-ndjson').check();
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId('export-data-confirm').click()]);
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
  const exported = lines.map((line) => JSON.parse(line) as { id: string; title: string; date: string });
  expect(exported).toHaveLength(MATCHES);
  expect(new Set(exported.map((c) => c.title))).toEqual(new Set(records.slice(0, MATCHES).map((r) => r.title)));
  // In the list's order: its rows first, then newest to oldest all the way down.
  expect(exported.slice(0, shown.length).map((c) => c.id)).toEqual(shown);
  const dates = exported.map((c) => c.date);
  expect(dates).toEqual([...dates].sort().reverse());

  // A PDF of these results would hold more than one PDF takes: said before anything is printed.
  await app.getByTestId('export-pdf-list').click();
  await expect(app.getByTestId('error-message')).toContainText(
    /At most 2,?000 clippings fit in one PDF, and 2,?100 were chosen/,
  );
});
