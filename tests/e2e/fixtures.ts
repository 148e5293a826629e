// Each browser test gets its own archive folder and its own `press-archive serve`, and fails on any
// console error, CSP violation or request that leaves 127.0.0.1.
import { test as base, expect, type Page } from '@playwright/test';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { treeCpuSeconds } from '../support/process-cpu.ts';
import { serveArchive } from '../support/serve.ts';
import { tempDir } from '../support/temp.ts';

interface Fixtures {
  archiveDir: string;
  appUrl: string;
  app: Page;
  /** Serve holds every import and the verification at their hold points until releaseImport (see cli/import-hold.ts). */
  holdImports: boolean;
  releaseImport: (point: 'chunk' | 'adding' | 'verify') => Promise<void>;
  /** With $PRESS_ARCHIVE_TEST_CPU_LOG set: a line per test in that file, its CPU and wall seconds. */
  cpuLog: void;
}

const holdDirOf = (archiveDir: string) => `${archiveDir}-holds`;

export const test = base.extend<Fixtures>({
  // Set up first and torn down last, so a test's CPU time includes its serve, page and archive.
  // The worker's process tree: its Chromium and the serve processes it started.
  cpuLog: [
    async ({}, use, testInfo) => {
      const file = process.env.PRESS_ARCHIVE_TEST_CPU_LOG;
      if (!file) return use();
      const cpuBefore = treeCpuSeconds();
      const started = performance.now();
      await use();
      const cpuAfter = treeCpuSeconds();
      if (cpuBefore === undefined || cpuAfter === undefined) return;
      const title = testInfo.titlePath.join(' › ');
      const line = { title, cpu: cpuAfter - cpuBefore, wall: (performance.now() - started) / 1000 };
      await appendFile(file, JSON.stringify(line) + '\n');
    },
    { auto: true },
  ],
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
