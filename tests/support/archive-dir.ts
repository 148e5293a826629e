// The setup most archive tests share: each test gets an archive path of its own inside a fresh
// temp folder (the archive folder itself is not made: opening an archive makes it), and the temp
// folder is removed after the test.
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { tempDir } from './temp.ts';

/** Before each test of the calling file, `use` receives a new archive path; removed after the test. */
export function archiveDirPerTest(use: (dir: string) => void, prefix?: string): void {
  beforeEach(async () => {
    const temp = await tempDir(prefix);
    use(join(temp.dir, 'archive'));
    return temp.cleanup;
  });
}
