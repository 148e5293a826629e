// The system Chromium the browser tests drive (Playwright never downloads one here).
//
// Debian's chromium-headless-shell comes first where it is installed: the same Chromium (Blink, V8,
// printing) built without the browser's own window, toolbar and preloaded WebUI pages, so a new
// page costs about a third of the CPU time it costs in the full browser's headless mode — which
// the browser tests pay once per test. The full browser serves where the shell is missing.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.PRESS_ARCHIVE_CHROMIUM;
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * For the tests' own processes (Vitest and Playwright workers, and the `serve` and CLI processes
 * they start): the app's PDF printer finds its Chromium through $PRESS_ARCHIVE_CHROMIUM, so it
 * prints with the same one. A value already set is kept.
 */
export function useTestChromium(): void {
  const path = chromiumPath();
  if (path && !process.env.PRESS_ARCHIVE_CHROMIUM) process.env.PRESS_ARCHIVE_CHROMIUM = path;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
