// The backups dialog through `press-archive serve`: the archive's folder, "Back up now" and the
// backup file in one place.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

test('shows the archive folder, backs up now, and offers the backup file, all in one dialog', async ({
  app,
  archiveDir,
}) => {
  await expect(app.getByTestId('result-item')).toHaveCount(1);
  await app.getByTestId('open-backups').click();
  const dialog = app.getByTestId('backups-dialog');
  await expect(dialog.getByTestId('archive-folder')).toHaveText(archiveDir);
  // serve cannot open a folder on the user's machine: the path is shown, no button.
  await expect(dialog.getByTestId('open-archive-folder')).toHaveCount(0);
  const before = (await readdir(join(archiveDir, 'backups')).catch(() => [])).length;
  await dialog.getByTestId('backup-now').click();
  await expect(dialog.getByTestId('backup-taken')).toBeVisible();
  await expect(dialog.getByTestId('backup-item')).toHaveCount(before + 1);
  await expect(dialog.getByTestId('backup-item').first()).toContainText('Taken by hand');
  expect(await readdir(join(archiveDir, 'backups'))).toHaveLength(before + 1);
  await expect(dialog.getByTestId('backup-to-file')).toBeVisible();
  await expect(dialog.getByTestId('restore-from-file')).toBeVisible();
});
