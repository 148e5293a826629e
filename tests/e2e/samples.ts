// The sample clippings (eight, Hindi and one English, several publications, dates and tags),
// imported through the app's own file picker.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

const SAMPLE = fileURLToPath(new URL('../fixtures/sample-clippings.ndjson', import.meta.url));
/** The seed clipping plus the eight samples. */
export const CLIPPINGS = 9;

export async function importSamples(app: Page): Promise<void> {
  await expect(app.getByTestId('result-item').first()).toBeVisible();
  await app.getByTestId('import-input').setInputFiles(SAMPLE);
  await expect(app.getByTestId('result-count')).toContainText(String(CLIPPINGS));
  await app.getByTestId('import-summary').getByRole('button').click();
}
