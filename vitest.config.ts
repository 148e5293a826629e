// Two sets of Vitest tests, both run by `npm test`:
//  - unit: the code in this process, on real temp folders; fast;
//  - integration: what starts other processes, Chromium or poppler, or kills writers; slower.
// A test file that starts a process or a browser belongs in INTEGRATION.
import { defineConfig } from 'vitest/config';
import { useTestChromium } from './tests/support/chromium.ts';

useTestChromium(); // the app's PDF printer prints with the same Chromium as the browser tests

const INTEGRATION = [
  'tests/unit/cli.test.ts', // the built CLI as real processes, several at once
  'tests/unit/crash-sigkill.test.ts', // writers killed with SIGKILL
  'tests/unit/pdf-cli.test.ts', // Chromium, poppler
  'tests/unit/pdf-electron-printer.test.ts', // Chromium, poppler
  'tests/unit/pdf-export.test.ts', // Chromium, poppler
  'tests/unit/pdf-scans-export.test.ts', // Chromium, poppler
  'tests/unit/pdf-text-layer.test.ts', // Chromium, poppler
  'tests/unit/scans-pdf.test.ts', // Chromium, the tesseract CLI, poppler
  'tests/unit/scans-tiff.test.ts', // Chromium, ImageMagick
  'tests/unit/security-electronegativity.test.ts', // the scanner as a process
  'tests/unit/security-pdf-html.test.ts', // Chromium
  'tests/unit/storage-concurrency.test.ts', // serve and CLI processes
  'tests/unit/storage-lock.test.ts', // a lock-holding process
];

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
          exclude: INTEGRATION,
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
          include: INTEGRATION,
          // Chromium and child processes on a busy machine; no test waits on a timer of its own.
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
