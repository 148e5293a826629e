// Two kinds of end-to-end tests: the real renderer + service through `press-archive serve` in
// Debian's Chromium, and the desktop app through Playwright's _electron (skipped, with the reason,
// where no Electron binary exists).
import { defineConfig } from '@playwright/test';
import { chromiumPath, chromiumArgs } from './tests/support/chromium.ts';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['./tests/support/skip-reasons-reporter.ts']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
        locale: 'en-US',
        screenshot: 'only-on-failure',
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
