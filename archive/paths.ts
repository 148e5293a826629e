// Where the archive lives when no --archive or PRESS_ARCHIVE_DIR is given: the same per-user folder
// for the desktop app and the CLI (Electron's userData for an app named "Press Archive", + /archive).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Press Archive';

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

/** --archive DIR, else PRESS_ARCHIVE_DIR, else the per-user folder. */
export function resolveArchiveDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.PRESS_ARCHIVE_DIR) return resolve(env.PRESS_ARCHIVE_DIR);
  return join(userDataDir(env), 'archive');
}
