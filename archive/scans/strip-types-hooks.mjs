// Module hooks for a worker thread started from the TypeScript sources (as the tests run them):
// Node 20 cannot load .ts, so their types are stripped with Vite's own transform (oxc), the one
// that compiles them for the tests and the builds. Built code (out/cli, out/main) never uses this.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const { code } = await transformWithOxc(await readFile(path, 'utf8'), path);
  return { format: 'module', source: code, shortCircuit: true };
}
