// The desktop app itself, through Playwright's _electron: the built main (out/main/index.js),
// preload and renderer, on a fresh archive folder. Needs an Electron binary: where the `electron`
// package has none (it downloads one at install time, which these machines cannot), every test
// here is reported SKIPPED with the reason — never faked.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { API_METHODS } from '../../archive/api-methods.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'out', 'main', 'index.js');
const APP_URL = 'app://press-archive/index.html';
const SEED_TITLE_START = 'उत्तर प्रदेश सरकार के 8 वर्ष';

/**
 * Where the `electron` package keeps its binary, found the way its index.js does — without
 * require('electron'), which would try to download one when it is missing.
 */
function findElectronBinary(): { path: string } | { reason: string } {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { reason: 'Electron binary not installed (the electron package is not in node_modules: run npm ci)' };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(packageDir, 'path.txt');
  const platformDefault =
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron';
  let relative: string;
  if (existsSync(pathFile)) relative = readFileSync(pathFile, 'utf8').trim();
  else if (override) relative = platformDefault;
  else {
    return {
      reason:
        'Electron binary not installed (node_modules/electron/path.txt is missing: the electron package downloads ' +
        'its binary at install time and that download did not happen here — offline machine or ' +
        'ELECTRON_SKIP_BINARY_DOWNLOAD; set ELECTRON_OVERRIDE_DIST_PATH to a local Electron 45 folder to run these tests)',
    };
  }
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  if (!existsSync(binary)) return { reason: `Electron binary not installed (no executable at ${binary})` };
  return { path: binary };
}

const found = findElectronBinary();
test.skip('reason' in found, 'reason' in found ? found.reason : '');

let archiveRoot: string;
let app: ElectronApplication;
let page: Page;
let pageProblems: string[];

test.beforeEach(async () => {
  if (!('path' in found)) return;
  expect(existsSync(MAIN), `${MAIN} is missing: run \`npx electron-vite build\` first`).toBe(true);
  archiveRoot = await mkdtemp(join(tmpdir(), 'press-archive-electron-'));
  const args = [MAIN, '--archive', join(archiveRoot, 'archive')];
  // Chromium refuses to start as root without this (CI containers); the page sandbox stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  app = await electron.launch({
    executablePath: found.path,
    args,
    cwd: ROOT,
    env: { ...process.env, PRESS_ARCHIVE_DIR: join(archiveRoot, 'not-this-one'), LANG: 'en_US.UTF-8' },
  });
  page = await app.firstWindow();
  pageProblems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') pageProblems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => pageProblems.push(`page error: ${e.message}`));
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  if (!('path' in found)) return;
  await app?.close();
  await rm(archiveRoot, { recursive: true, force: true });
  expect(pageProblems, 'console errors or CSP violations in the app window').toEqual([]);
});

test('opens one window on app://press-archive with the seed clipping listed', async () => {
  expect(page.url()).toBe(APP_URL);
  expect(app.windows()).toHaveLength(1);
  const items = page.getByTestId('result-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(SEED_TITLE_START);
  // The archive named by --archive was used, not PRESS_ARCHIVE_DIR.
  expect(existsSync(join(archiveRoot, 'archive'))).toBe(true);
  expect(existsSync(join(archiveRoot, 'not-this-one'))).toBe(false);
});

test('search works in the desktop window', async () => {
  const search = page.getByTestId('search-input');
  await search.fill('कानपुर');
  const items = page.getByTestId('result-item');
  await expect(items).toHaveCount(1);
  await expect(items.first().locator('mark').first()).toHaveText('कानपुर');
  await search.fill('ममता');
  await expect(items).toHaveCount(0);
  await search.fill('');
  await expect(items).toHaveCount(1);
});

test('the page gets window.pressArchive and nothing of Node', async () => {
  const shape = await page.evaluate(() => {
    const bridge = (window as unknown as { pressArchive: Record<string, unknown> }).pressArchive;
    return {
      keys: Object.keys(bridge).sort(),
      allFunctions: Object.values(bridge).every((v) => typeof v === 'function'),
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
    };
  });
  expect(shape.keys).toEqual([...API_METHODS, 'onCommand', 'onProgress'].sort());
  expect(shape.allFunctions).toBe(true);
  expect(shape.require).toBe('undefined');
  expect(shape.process).toBe('undefined');
  expect(shape.module).toBe('undefined');
  expect(shape.Buffer).toBe('undefined');

  const listed = await page.evaluate(() =>
    (
      window as unknown as { pressArchive: { list(input: object): Promise<{ ok: boolean; value: unknown[] }> } }
    ).pressArchive.list({}),
  );
  expect(listed.ok).toBe(true);
  expect(listed.value).toHaveLength(1);
});

test('pages from app:// carry the Content-Security-Policy', async () => {
  const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  // Nothing outside the app origin can be fetched.
  const remote = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  expect(remote).toBe('blocked');
  // That refusal is the one expected console error (a CSP violation); nothing else may appear.
  await expect.poll(() => pageProblems.filter((p) => /Content Security Policy/i.test(p)).length).toBeGreaterThan(0);
  pageProblems = pageProblems.filter((p) => !/Content Security Policy|example\.com/i.test(p));
});

test('navigation away and new windows are blocked', async () => {
  // The main process sees the attempt (and its own guard, registered first, cancels it): waited
  // for as an event, not for a while.
  const attempted = app.evaluate(
    ({ BrowserWindow }) =>
      new Promise<string>((resolve) =>
        BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (_event, url) => resolve(url)),
      ),
  );
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  expect(await attempted).toBe('https://example.com/');
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(page.url()).toBe(APP_URL);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
  await expect(page.getByTestId('result-item')).toHaveCount(1);
});

test('the menu has the File commands, and Add clipping opens the form', async () => {
  const ids = await app.evaluate(({ Menu }) =>
    ['add-clipping', 'import', 'export', 'quit'].map(
      (id) => Menu.getApplicationMenu()?.getMenuItemById(id)?.label ?? null,
    ),
  );
  expect(ids).toEqual(['Add clipping', 'Import…', 'Export…', 'Quit']);
  await expect(page.getByTestId('result-item')).toHaveCount(1);
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('add-clipping')!.click());
  await expect(page.getByTestId('clipping-form')).toBeVisible();
});

test('a clipping’s web address goes to shell.openExternal when clicked, and nothing else does', async () => {
  // The system browser is not opened: main's shell.openExternal is replaced by a recorder.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { opened: string[] }).opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  type Bridge = {
    add(input: object): Promise<{ ok: boolean; value: { id: string } }>;
    openClippingUrl(input: object): Promise<{ ok: boolean; error?: { code: string } }>;
  };
  const id = await page.evaluate(async () => {
    const bridge = (window as unknown as { pressArchive: Bridge }).pressArchive;
    const added = await bridge.add({ title: 'गंगा में बढ़ा जलस्तर', body: 'पटना।', url: 'https://example.com/ganga' });
    return added.value.id;
  });
  await page.reload();
  await page.locator(`[data-testid="result-item"][data-id="${id}"]`).click();
  await page.getByTestId('clipping-url').click();
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened))
    .toEqual(['https://example.com/ganga']);
  const forged = await page.evaluate(
    (clippingId) =>
      (window as unknown as { pressArchive: Bridge }).pressArchive.openClippingUrl({
        id: clippingId,
        url: 'file:///etc/passwd',
      }),
    id,
  );
  expect(forged).toMatchObject({ ok: false, error: { code: 'linkRefused' } });
  expect(await app.evaluate(() => (globalThis as unknown as { opened: string[] }).opened)).toHaveLength(1);
  expect(page.url()).toBe(APP_URL);
});
