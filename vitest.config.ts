// Two sets of Vitest tests, run together by `npm test` (`vitest run`: one pool of workers, the
// longest files first, so that both cores stay busy to the end); `--project unit` or
// `--project integration` runs one set:
//  - unit: the code in this process, on real temp folders; fast;
//  - integration: what starts other processes, Chromium or poppler, or kills writers; slower.
// Both mirror the source: the tests of archive/search/engine.ts are in
// tests/unit/archive/search/engine.test.ts (tests/integration/… for the integration set). A test file
// that starts a process or a browser, kills a writer or reads PDFs back with poppler goes under
// tests/integration.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { useTestChromium } from './tests/support/chromium.ts';

useTestChromium(); // the app's PDF printer prints with the same Chromium as the browser tests

// The files that take longest, longest first (measured on a busy 2-core machine: 139 s down to
// 25 s). A fresh clone has no timings of earlier runs, and Vitest would otherwise run one set after
// the other, largest file first, and might start one of these last, with the other core idle.
const LONGEST_FIRST = [
  'tests/integration/archive/storage/sharded-store.crash.test.ts',
  'tests/unit/archive/storage/sharded-store.faults.test.ts',
  'tests/integration/archive/scans/pdf-pages.test.ts',
  'tests/unit/archive/search/engine.test.ts',
  'tests/integration/archive/pdf/export-pdf.test.ts',
  'tests/unit/archive/scans/pdf-worker-client.test.ts',
  'tests/unit/archive/api.property.test.ts',
  'tests/integration/cli/progress-line.test.ts',
  'tests/unit/archive/scans/scan-files.test.ts',
  'tests/integration/cli/press-archive.test.ts',
];

/** The files above first, in that order; then the rest, larger files first. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    const size = (spec: TestSpecification) => statSync(spec.moduleId).size;
    return [...files].sort((a, b) => rank(a) - rank(b) || size(b) - size(a));
  }
}

// Test files share their worker's loaded modules (isolate: false): most of a small file's time
// was loading the archive's modules again, file after file. A file that replaces a module
// (vi.mock: a faulty file system, the Electron stand-in, a shared OCR engine) runs in a fresh
// worker of its own, so that neither it nor the files after it see the other's modules.
const replacesModules = (set: string) =>
  readdirSync(set, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(set, file))
    .filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(file, 'utf8')));
const UNIT_MOCKING = replacesModules('tests/unit');
const INTEGRATION_MOCKING = replacesModules('tests/integration');

// Vitest's default on 2 cores is 1 worker; the integration tests mostly wait for their child
// processes, and the unit tests are many small files: 2 workers keep both cores busy.
const shared = { environment: 'node', maxWorkers: 2 } as const;

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: UNIT_MOCKING,
          isolate: false,
          // Watchdogs: a few tests build search indexes of thousands of clippings, which a busy
          // 2-core machine may take half a minute for.
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'unit-isolated',
          include: UNIT_MOCKING,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: INTEGRATION_MOCKING,
          isolate: false,
          // Chromium and child processes on a busy machine; no test waits on a timer of its own.
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'integration-isolated',
          include: INTEGRATION_MOCKING,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
