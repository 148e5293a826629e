// Builds a TypeScript entry point (a helper process of a test, using the archive's own modules) into
// one ES module for Node, inside the project so that it finds the dependencies in node_modules.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'vite';

const PROJECT = join(import.meta.dirname, '..', '..');

/** The built file, and how to remove it. `entry` is relative to the project. */
export async function buildForNode(entry: string): Promise<{ file: string; remove: () => Promise<void> }> {
  await mkdir(join(PROJECT, 'node_modules', '.cache'), { recursive: true });
  const outDir = await mkdtemp(join(PROJECT, 'node_modules', '.cache', 'test-process-'));
  const name = basename(entry).replace(/\.ts$/, '.js');
  await build({
    configFile: false,
    root: PROJECT,
    logLevel: 'silent',
    build: {
      ssr: join(PROJECT, entry),
      outDir,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: name } },
    },
  });
  return { file: join(outDir, name), remove: () => rm(outDir, { recursive: true, force: true }) };
}
