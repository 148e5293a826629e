// A damaged archive in the real UI: the app opens it read-only with a banner (Hindi and English)
// naming the file and the problem, refuses to save, overwrites nothing, and restores a backup from
// the banner; on a sound archive the Backups button restores any snapshot.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { garbleFile, shardFile } from '../support/archive-files.ts';
import { runCli } from '../support/cli.ts';
import { snapshotFiles } from '../support/snapshot.ts';
import { tempDir } from '../support/temp.ts';
import { expect, test } from './fixtures.ts';

const KEPT_TITLE = 'बाढ़ राहत शिविर खोले गए';

/** An archive with a manual backup holding two clippings, then rubbish written into its shard. */
const damaged = test.extend({
  archiveDir: async ({}, use) => {
    const { dir, cleanup } = await tempDir('press-archive-e2e-');
    const archive = join(dir, 'archive');
    const cli = (...args: string[]) => runCli([...args, '--archive', archive]);
    expect((await cli('add', '--title', KEPT_TITLE, '--body', 'प्रशासन ने तीन शिविर खोले।')).code).toBe(0);
    expect((await cli('backup')).code).toBe(0);
    await garbleFile(join(archive, await shardFile(archive)));
    await use(archive);
    await cleanup();
  },
});

damaged('opens read-only with a banner, refuses to save, and a backup restores it', async ({ app, archiveDir }) => {
  const shard = await shardFile(archiveDir);
  const damagedBytes = await readFile(join(archiveDir, shard));
  const banner = app.getByTestId('damage-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('The archive is damaged');
  await expect(banner.getByTestId('damage-problem').first()).toContainText(
    `${shard}: the file is cut short or garbled (not valid JSON)`,
  );
  // The list still shows what the damaged shard held: it comes from the shard's summary file.
  await expect(app.getByTestId('result-item').filter({ hasText: KEPT_TITLE })).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('damage-banner-en.png') });

  await app.getByTestId('language-hi').click();
  await expect(banner).toContainText('संग्रह क्षतिग्रस्त है');
  await expect(banner).toContainText('केवल पढ़ने के लिए');
  await expect(banner.getByTestId('restore-backup')).toHaveText('बैकअप वापस लाएँ…');
  await expect(banner.getByTestId('damage-problem').first()).toContainText('फ़ाइल अधूरी है या बिगड़ गई है');
  await app.screenshot({ path: test.info().outputPath('damage-banner-hi.png') });

  // Saving is refused in the user's language, and nothing on disk changes.
  const before = await snapshotFiles(archiveDir);
  await app.getByTestId('add-clipping').click();
  await app.getByTestId('clipping-title').fill('नई ख़बर');
  await app.getByTestId('clipping-body').fill('यह सहेजी नहीं जानी चाहिए');
  await app.getByTestId('save-clipping').click();
  await expect(app.getByTestId('clipping-form').getByTestId('error-message')).toContainText(
    `संग्रह क्षतिग्रस्त है: ${shard}`,
  );
  await app.keyboard.press('Escape');
  expect(await snapshotFiles(archiveDir)).toEqual(before);

  await banner.getByTestId('restore-backup').click();
  const dialog = app.getByTestId('backups-dialog');
  await expect(dialog).toBeVisible();
  const manual = dialog.getByTestId('backup-item').filter({ hasText: 'हाथ से लिया गया' });
  await expect(manual).toContainText('2 कतरनें');
  await app.screenshot({ path: test.info().outputPath('backups-dialog-hi.png') });
  await manual.getByTestId('backup-restore').click();
  await manual.getByTestId('backup-restore-confirm').click();

  await expect(banner).toBeHidden();
  await expect(app.getByTestId('restore-status')).toContainText('वापस लाया गया');
  await expect(app.getByTestId('result-item')).toHaveCount(2);
  await expect(app.getByTestId('result-item').first()).toContainText(KEPT_TITLE);
  expect((await runCli(['check', '--archive', archiveDir])).code).toBe(0);
  // The damaged file was never overwritten: it is kept, byte for byte, in the set-aside snapshot.
  const setAside = JSON.parse((await runCli(['backups', '--json', '--archive', archiveDir])).stdout).find(
    (b: { kind: string }) => b.kind === 'before-restore',
  );
  expect(await readFile(join(archiveDir, 'backups', setAside.name, shard))).toEqual(damagedBytes);

  // And the archive takes changes again.
  await app.getByTestId('add-clipping').click();
  await app.getByTestId('clipping-title').fill('फिर से चालू');
  await app.getByTestId('clipping-body').fill('बहाली के बाद पहली कतरन');
  await app.getByTestId('save-clipping').click();
  await expect(app.getByTestId('result-item')).toHaveCount(3);
});

test('the Backups button restores any snapshot of a sound archive', async ({ app, archiveDir }) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  expect((await runCli(['add', '--title', 'बाद में जोड़ी', '--body', 'दूसरी', '--archive', archiveDir])).code).toBe(0);
  await app.reload();
  await expect(app.getByTestId('result-item')).toHaveCount(2);
  await expect(app.getByTestId('damage-banner')).toHaveCount(0);

  await app.getByTestId('open-backups').click();
  const item = app.getByTestId('backups-dialog').getByTestId('backup-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Daily backup');
  await expect(item).toContainText('1 clipping');
  await item.getByTestId('backup-restore').click();
  await expect(item).toContainText('What it holds now is kept as a backup');
  await item.getByTestId('backup-restore-confirm').click();
  await expect(app.getByTestId('backups-dialog')).toBeHidden();
  await expect(app.getByTestId('result-item')).toHaveCount(1);

  await app.getByTestId('open-backups').click();
  await expect(app.getByTestId('backups-dialog').getByTestId('backup-item')).toHaveCount(2);
  await expect(app.getByTestId('backups-dialog')).toContainText('Set aside before a restore');
});
