// Two kinds of end-to-end tests: the real renderer + service through `press-archive serve` in
// Debian's Chromium, and the desktop app through Playwright's _electron (skipped, with the reason,
// where no Electron binary exists).
import { defineConfig } from '@playwright/test';
import { chromiumPath, chromiumArgs, useTestChromium } from './tests/support/chromium.ts';

useTestChromium(); // serve's PDF printer prints with the same Chromium as the tests

export default defineConfig({
  // Watchdogs, not measures: every wait is for an event, and a busy machine may take long for it.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // Each test has its own archive and its own `serve`, so tests run on both cores; each worker
  // starts one Chromium and gives every test a fresh context in it.
  fullyParallel: true,
  workers: 2,
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
