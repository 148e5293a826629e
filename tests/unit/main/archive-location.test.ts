// Which archive the app opens: --archive DIR, else PRESS_ARCHIVE_DIR, else the per-user folder.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDirFromCommandLine, archiveFlag } from '../../../main/archive-location.ts';

const electronArgv = (...rest: string[]) => ['/usr/lib/electron/electron', 'out/main/index.js', ...rest];

describe('archive location', () => {
  it('takes --archive DIR over the environment', () => {
    expect(archiveDirFromCommandLine(electronArgv('--archive', '/tmp/flag'), { PRESS_ARCHIVE_DIR: '/tmp/env' })).toBe(
      resolve('/tmp/flag'),
    );
  });

  it('accepts --archive=DIR and resolves a relative folder against the working directory', () => {
    expect(archiveDirFromCommandLine(electronArgv('--archive=/tmp/eq'), {})).toBe(resolve('/tmp/eq'));
    expect(archiveDirFromCommandLine(electronArgv('--archive', 'rel/dir'), {})).toBe(resolve('rel/dir'));
  });

  it('uses PRESS_ARCHIVE_DIR when there is no flag', () => {
    expect(archiveDirFromCommandLine(electronArgv(), { PRESS_ARCHIVE_DIR: '/tmp/env' })).toBe(resolve('/tmp/env'));
    // A flag without a value is no flag.
    expect(archiveDirFromCommandLine(electronArgv('--archive'), { PRESS_ARCHIVE_DIR: '/tmp/env' })).toBe(
      resolve('/tmp/env'),
    );
    expect(archiveDirFromCommandLine(electronArgv('--archive', '--inspect'), { PRESS_ARCHIVE_DIR: '/tmp/env' })).toBe(
      resolve('/tmp/env'),
    );
  });

  it('falls back to the per-user folder of "Press Archive"', () => {
    const dir = archiveDirFromCommandLine(electronArgv(), {
      XDG_CONFIG_HOME: '/tmp/xdg',
      APPDATA: 'C:\\Users\\a\\AppData\\Roaming',
    });
    expect(dir.endsWith(join('Press Archive', 'archive'))).toBe(true);
    if (process.platform === 'linux') expect(dir).toBe('/tmp/xdg/Press Archive/archive');
  });

  it('archiveFlag reads the flag anywhere in the command line (last wins)', () => {
    expect(archiveFlag(['app', '--archive', '/a', '--archive', '/b'])).toBe('/b');
    expect(archiveFlag(['app', '--no-sandbox', '--archive=/c'])).toBe('/c');
    expect(archiveFlag(['app', '--archive='])).toBeUndefined();
    expect(archiveFlag(['app'])).toBeUndefined();
  });
});
