#!/usr/bin/env node
// Runs the built CLI (npm's prepare builds it on install).
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/press-archive.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('press-archive: not built yet; run `npm run build` in the project folder\n');
  process.exit(1);
}
await import(entry.href);
