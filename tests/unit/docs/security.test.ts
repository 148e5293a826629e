// What docs/security.md claims and no other test checks: the window's remaining switches, patterns
// that must never appear in the app's sources, the exact Electron pin, and the checklist itself (all
// 20 recommendations, each applied or not applicable, every file it names present).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../archive/transport/renderer-content.ts';
import { createMainWindow } from '../../../main/window.ts';
import { BrowserWindow, resetStandIn } from '../../support/electron-stand-in.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const APP_SOURCES = ['main', 'preload', 'renderer', 'archive'];

async function sourceFiles(): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  for (const dir of APP_SOURCES) {
    for (const entry of await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|html|js)$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      files.push({ path: relative(ROOT, path), text: await readFile(path, 'utf8') });
    }
  }
  return files;
}

beforeEach(() => resetStandIn());

describe('the window', () => {
  it('has no experimental or extra Blink features, no webview, and middle clicks open nothing', () => {
    createMainWindow('/x/out/preload/index.cjs');
    const prefs = BrowserWindow.instances[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });
});

describe('the app’s sources', () => {
  it('never weaken Electron, and call shell.openExternal in one place only', async () => {
    const forbidden: [RegExp, string][] = [
      [/enableBlinkFeatures/, 'enableBlinkFeatures'],
      [/allowpopups/i, 'allowpopups'],
      [/<webview\b/i, '<webview>'],
      [/nodeIntegration\w*\s*:\s*true/, 'Node integration'],
      [/contextIsolation\s*:\s*false/, 'contextIsolation off'],
      [/sandbox\s*:\s*false/, 'sandbox off'],
      [/webSecurity\s*:\s*false/, 'webSecurity off'],
      [/allowRunningInsecureContent\s*:\s*true/, 'insecure content'],
      [/experimentalFeatures\s*:\s*true/, 'experimental features'],
      [/\bipcMain\.on\(/, 'an ipcMain.on channel (handlers are generated with ipcMain.handle)'],
      [/exposeInMainWorld\([^)]*ipcRenderer/, 'ipcRenderer exposed'],
      [/electron-log\/main|from 'electron-log'/, 'electron-log’s Electron flavour (it registers IPC channels)'],
      [/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\(/, 'HTML from strings'],
      [/\beval\(|new Function\(/, 'eval'],
      [/loadURL\(\s*['"`]https?:/, 'a remote page'],
    ];
    const found: string[] = [];
    const openExternalCallers: string[] = [];
    for (const { path, text } of await sourceFiles()) {
      const code = text.replace(/^\s*(\/\/|\*).*$/gm, ''); // comments may name what is forbidden
      for (const [pattern, what] of forbidden) if (pattern.test(code)) found.push(`${path}: ${what}`);
      if (/\bshell\.openExternal\(/.test(code)) openExternalCallers.push(path);
    }
    expect(found).toEqual([]);
    expect(openExternalCallers).toEqual([join('main', 'open-external.ts')]);
  });

  it('carry the one Content-Security-Policy in the built page too (npm run build)', async () => {
    const html = await readFile(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.startsWith(META_CONTENT_SECURITY_POLICY)).toBe(true);
    expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('pin Electron to an exact version', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('docs/security.md', () => {
  it('answers all 20 recommendations, each applied or not applicable, naming files that exist', async () => {
    const doc = await readFile(join(ROOT, 'docs', 'security.md'), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim()));
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const row of rows) {
      expect(['Applied', 'Not applicable'], `status of ${row[0]}`).toContain(row[2]);
      expect(row[3]!.length, `where/why of ${row[0]}`).toBeGreaterThan(20);
      expect(row[4]!.length, `proof of ${row[0]}`).toBeGreaterThan(5);
    }
    const paths = [
      ...doc.matchAll(
        /`((?:main|preload|renderer|archive|tests|scripts|docs|build)\/[^`\s]+|[\w.-]+\.(?:yml|json|js))`/g,
      ),
    ]
      .map((m) => m[1]!)
      .filter((p) => !p.includes('*') && p !== 'main.log');
    expect(paths.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const path of new Set(paths)) {
      await readFile(join(ROOT, path)).catch(() => missing.push(path));
    }
    expect(missing).toEqual([]);
  });
});
