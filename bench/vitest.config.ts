// `npm run bench`: measurements, not tests. Each bench/*.measure.ts writes a table of figures to
// bench/results/; bench/report.js prints them together at the end.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.measure.ts'],
    environment: 'node',
    testTimeout: 60 * 60 * 1000,
    hookTimeout: 60 * 60 * 1000,
    fileParallelism: false,
    pool: 'forks',
  },
});
