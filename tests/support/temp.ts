import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh real folder under the system temp dir; call the returned cleanup when done. The cleanup
 * tries again when the folder is not empty when it comes to remove it (a service a test left open
 * may still be finishing work in it), as Node's rm does on request.
 */
export async function tempDir(prefix = 'press-archive-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 5 }) };
}
