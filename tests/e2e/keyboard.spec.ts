// The keyboard in the real app: focus goes back to the opener after every dialog and to a
// sensible place after every action (never the page's body), selection without checkboxes, F6
// between panes, Ctrl+Z, and the list's order without a query.
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { importSamples } from './samples.ts';

const SEED_TITLE_START = 'उत्तर प्रदेश सरकार के 8 वर्ष';

async function addByKeyboard(app: Page, title: string, body: string): Promise<void> {
  await expect(app.getByTestId('result-item').first()).toBeVisible();
  await app.keyboard.press('Control+N');
  await expect(app.getByTestId('clipping-title')).toBeFocused();
  await app.keyboard.type(title);
  await app.getByTestId('clipping-body').fill(body);
  await app.keyboard.press('Control+S');
  await expect(app.getByTestId('clipping-form')).toBeHidden();
}

test('Esc on every dialog gives focus back to the button that opened it', async ({ app }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  const dialogs: [opener: string, dialog: string][] = [
    ['add-clipping', 'clipping-form'],
    ['export-data', 'export-dialog'],
    ['rename-tags', 'rename-tag-dialog'],
    ['open-backups', 'backups-dialog'],
  ];
  for (const [opener, dialog] of dialogs) {
    await app.getByTestId(opener).focus();
    await app.keyboard.press('Enter');
    await expect(app.getByTestId(dialog)).toBeVisible();
    await app.keyboard.press('Escape');
    await expect(app.getByTestId(dialog)).toBeHidden();
    await expect(app.getByTestId(opener), `after ${dialog}`).toBeFocused();
  }

  // The reader's Edit, closed by Esc and by saving.
  await app.getByTestId('result-item').first().click();
  const edit = app.getByTestId('edit-clipping');
  await edit.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('clipping-form')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(edit).toBeFocused();
  await app.keyboard.press('Enter');
  await app.getByTestId('clipping-notes').fill('टिप्पणी');
  await app.keyboard.press('Control+S');
  await expect(app.getByTestId('clipping-form')).toBeHidden();
  await expect(edit).toBeFocused();

  // The confirmation before emptying the trash.
  await app.getByTestId('trash-clipping').click();
  // Trashing the open clipping ends by focusing the list; wait for that, or it may land after the next focus().
  await expect(app.getByRole('listbox')).toBeFocused();
  await app.getByTestId('show-trash').click();
  const emptyTrash = app.getByTestId('empty-trash');
  await expect(app.getByTestId('trash-item')).toHaveCount(1);
  await expect(emptyTrash).toBeEnabled();
  await emptyTrash.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('empty-trash-dialog')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(emptyTrash).toBeFocused();
});

test('in a narrow window a dialog opened from the folded menu gives focus back to the menu button', async ({ app }) => {
  await app.setViewportSize({ width: 900, height: 700 });
  const menu = app.getByTestId('header-menu-button');
  await menu.focus();
  await app.keyboard.press('Enter');
  await app.getByTestId('open-backups').focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('backups-dialog')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(menu).toBeFocused();
});

test('after save, trash, undo (button and Ctrl+Z), restore and PDF, focus stays in a sensible place', async ({
  app,
}) => {
  const list = app.getByRole('listbox');
  await addByKeyboard(app, 'पहली कतरन', 'पहली कतरन का पाठ');
  await addByKeyboard(app, 'दूसरी कतरन', 'दूसरी कतरन का पाठ');
  await expect(app.getByTestId('result-item')).toHaveCount(3);
  // Saved from Ctrl+N (no button): focus goes on to the list.
  await expect(list).toBeFocused();

  // PDF: the button keeps focus while and after the archive prints.
  const pdf = app.getByTestId('export-pdf');
  await pdf.focus();
  const [download] = await Promise.all([app.waitForEvent('download'), app.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  await expect(pdf).toBeFocused();

  // Trash from the reader: the toolbar goes, focus goes to the list.
  await app.getByTestId('trash-clipping').focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('result-item')).toHaveCount(2);
  await expect(list).toBeFocused();

  // Ctrl+Z brings it back.
  await app.keyboard.press('Control+Z');
  await expect(app.getByTestId('result-item')).toHaveCount(3);
  await expect(app.getByTestId('toast')).toBeVisible();

  // Undo from the toast's button: the button goes, focus goes to the list.
  await app.getByTestId('result-item').filter({ hasText: 'दूसरी कतरन' }).click();
  await app.getByTestId('trash-clipping').click();
  await expect(app.getByTestId('result-item')).toHaveCount(2);
  await app.getByTestId('undo').focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('result-item')).toHaveCount(3);
  await expect(list).toBeFocused();

  // Restore in the trash: focus moves to the Restore button now in its place, then the heading.
  for (const title of ['पहली कतरन', 'दूसरी कतरन']) {
    await app.getByTestId('result-item').filter({ hasText: title }).click();
    await app.getByTestId('trash-clipping').click();
    await expect(app.getByTestId('result-item').filter({ hasText: title })).toHaveCount(0);
  }
  await app.getByTestId('show-trash').click();
  const restore = app.getByTestId('restore-clipping');
  await expect(restore).toHaveCount(2);
  await restore.first().focus();
  await app.keyboard.press('Enter');
  await expect(restore).toHaveCount(1);
  await expect(restore.first()).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(restore).toHaveCount(0);
  await expect(app.getByRole('heading', { name: /Trash/ })).toBeFocused();
});

test('the reader is reached from the list in at most 3 key presses; the list is one Tab stop', async ({ app }) => {
  await addByKeyboard(app, 'पहली कतरन', 'पहली कतरन का पाठ');
  await app.getByTestId('search-input').focus();
  const presses = ['ArrowDown', 'F6'];
  await app.keyboard.press(presses[0]!); // into the list, first clipping open
  await expect(app.getByRole('listbox')).toBeFocused();
  await app.keyboard.press(presses[1]!); // the next pane: the reader
  await expect(app.getByTestId('reader')).toBeFocused();
  expect(presses.length).toBeLessThanOrEqual(3);

  // Tab from the list lands in the reader's toolbar: no stop per row.
  await app.getByRole('listbox').focus();
  await app.keyboard.press('Tab');
  await expect(app.getByTestId('export-pdf')).toBeFocused();
  // F6 cycles: reader → header → list.
  await app.keyboard.press('F6');
  await expect(app.getByTestId('add-clipping')).toBeFocused();
  await app.keyboard.press('F6');
  await expect(app.getByRole('listbox')).toBeFocused();
  await app.keyboard.press('Shift+F6');
  await expect(app.getByTestId('add-clipping')).toBeFocused();
});

test('Space and Ctrl+click select rows (aria-selected in a multi-select list); Esc clears', async ({ app }) => {
  await addByKeyboard(app, 'पहली कतरन', 'पहली कतरन का पाठ');
  const list = app.getByRole('listbox');
  await expect(list).toHaveAttribute('aria-multiselectable', 'true');
  await expect(app.getByRole('checkbox')).toHaveCount(0);
  await list.focus();
  await app.keyboard.press('Home');
  await app.keyboard.press('Space');
  const rows = app.getByTestId('result-item');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('tag-bar')).toContainText('1 selected');
  await rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('tag-bar')).toContainText('2 selected');
  await list.focus();
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('tag-bar')).toHaveCount(0);
  await expect(rows.first()).toHaveAttribute('aria-selected', 'false');
});

test('Order works without a query: by the clipping date, newest or oldest first, or as added', async ({ app }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  for (const [title, date] of [
    ['पुरानी ख़बर', '1999-05-01'],
    ['नई ख़बर', '2025-01-02'],
    ['बीच की ख़बर', '2010'],
  ]) {
    await app.keyboard.press('Control+N');
    await app.getByTestId('clipping-title').fill(title!);
    await app.getByTestId('clipping-body').fill(`${title} का पाठ`);
    await app.getByTestId('clipping-date').fill(date!);
    await app.keyboard.press('Control+S');
    await expect(app.getByTestId('clipping-form')).toBeHidden();
  }
  const titles = app.getByTestId('result-item').locator('.result-title');
  await expect(titles).toHaveText(['बीच की ख़बर', 'नई ख़बर', 'पुरानी ख़बर', new RegExp(SEED_TITLE_START)]);
  const sort = app.getByTestId('search-sort');
  await expect(sort.locator('option:checked')).toHaveText('Date added');
  await sort.selectOption('newest');
  await expect(titles).toHaveText(['नई ख़बर', 'बीच की ख़बर', 'पुरानी ख़बर', new RegExp(SEED_TITLE_START)]);
  await sort.selectOption('oldest');
  await expect(titles).toHaveText(['पुरानी ख़बर', 'बीच की ख़बर', 'नई ख़बर', new RegExp(SEED_TITLE_START)]);
});

test('a date span without clippings keeps the timeline\'s "All dates", the way back', async ({ app }) => {
  await importSamples(app);
  await app.getByTestId('search-input').fill('पुलिस तिथि:1990');
  await expect(app.getByTestId('result-count')).toContainText('0');
  // The timeline stays (it shows where the matches are in time), with "All dates" to leave the span.
  await expect(app.getByTestId('refine')).toBeVisible();
  await app.getByTestId('timeline-clear').click();
  await expect(app.getByTestId('search-input')).toHaveValue('पुलिस');
  await expect(app.getByTestId('timeline')).toBeVisible();
});
