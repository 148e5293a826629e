// Two sets of Vitest tests, both run by `npm test`:
//  - unit: the code in this process, on real temp folders; fast;
//  - integration: what starts other processes, Chromium or poppler, or kills writers; slower.
// Both mirror the source: the tests of archive/search/engine.ts are in
// tests/unit/archive/search/engine.test.ts (tests/integration/… for the integration set). A test file
// that starts a process or a browser, kills a writer or reads PDFs back with poppler goes under
// tests/integration.
import { defineConfig } from 'vitest/config';
import { useTestChromium } from './tests/support/chromium.ts';

useTestChromium(); // the app's PDF printer prints with the same Chromium as the browser tests

// Vitest's default on 2 cores is 1 worker; the integration tests mostly wait for their child
// processes, and the unit tests are many small files: 2 workers keep both cores busy.
const shared = { environment: 'node', maxWorkers: 2 } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Watchdogs: a few tests build search indexes of thousands of clippings, which a busy
          // 2-core machine may take half a minute for.
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // Chromium and child processes on a busy machine; no test waits on a timer of its own.
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
