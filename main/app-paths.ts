// Where the built preload and renderer are, relative to the built main (out/main/index.js).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mainDir = dirname(fileURLToPath(import.meta.url));

/** out/preload/index.cjs: CommonJS, because a sandboxed preload cannot be an ES module. */
export const PRELOAD_PATH = join(mainDir, '..', 'preload', 'index.cjs');

/** out/renderer: the only folder the app:// protocol serves. */
export const RENDERER_DIR = join(mainDir, '..', 'renderer');
