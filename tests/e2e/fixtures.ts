// Each browser test gets its own archive folder and its own `press-archive serve`, and fails on any
// console error, CSP violation or request that leaves 127.0.0.1.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveArchive } from '../support/serve.ts';
import { tempDir } from '../support/temp.ts';

interface Fixtures {
  archiveDir: string;
  appUrl: string;
  app: Page;
  /** Serve holds every import and the verification at their hold points until releaseImport (see cli/import-hold.ts). */
  holdImports: boolean;
  releaseImport: (point: 'chunk' | 'adding' | 'verify') => Promise<void>;
}

const holdDirOf = (archiveDir: string) => `${archiveDir}-holds`;

export const test = base.extend<Fixtures>({
  archiveDir: async ({}, use) => {
    const { dir, cleanup } = await tempDir('press-archive-e2e-');
    await use(join(dir, 'archive'));
    await cleanup();
  },
  holdImports: [false, { option: true }],
  releaseImport: async ({ archiveDir }, use) => {
    await use((point) => writeFile(join(holdDirOf(archiveDir), point), ''));
  },
  appUrl: async ({ archiveDir, holdImports }, use) => {
    if (holdImports) await mkdir(holdDirOf(archiveDir), { recursive: true });
    const env: Record<string, string> = holdImports ? { PRESS_ARCHIVE_TEST_HOLD_DIR: holdDirOf(archiveDir) } : {};
    const served = await serveArchive(archiveDir, 0, env);
    await use(served.url);
    await served.stop();
  },
  app: async ({ page, appUrl }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      // A blob: URL (a scan the reader shows) is the page's own: its host is the one after "blob:".
      const host = new URL(r.url().replace(/^blob:/, '')).hostname;
      if (!['127.0.0.1', 'localhost'].includes(host) && !r.url().startsWith('data:'))
        problems.push(`left the machine: ${r.url()}`);
    });
    await page.goto(appUrl);
    await use(page);
    expect(problems, 'console errors, CSP violations or outside requests').toEqual([]);
  },
});

export { expect };
