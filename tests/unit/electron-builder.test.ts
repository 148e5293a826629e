// electron-builder.yml, loaded and validated by electron-builder itself (packaging needs the network to
// download Electron, so `npm run dist` cannot run here): targets, ids, names, icon, file associations,
// and the Electron fuses, flipped by electron-builder's own code in a stand-in binary and read back.
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_NAME } from '../../archive/paths.ts';
import { tempDir } from '../support/temp.ts';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');

/* eslint-disable @typescript-eslint/no-explicit-any -- electron-builder's internals are untyped here */
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { PlatformPackager } = require('app-builder-lib');
const { DebugLogger } = require('builder-util');
const fuses = require('@electron/fuses');
const { FuseState } = require('@electron/fuses/dist/constants.js');

let config: any;
beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
});

function asArray<T>(value: T | T[] | undefined | null): T[] {
  return value == null ? [] : Array.isArray(value) ? value : [value];
}

function targetNames(platform: any): string[] {
  return asArray(platform.target).map((t: any) => (typeof t === 'string' ? t : t.target));
}

describe('electron-builder configuration', () => {
  it('is the file electron-builder loads, and valid against its schema', async () => {
    expect(config.appId).toBeDefined();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validation is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...config, electronFuse: {} }, new DebugLogger(false))).rejects.toThrow(
      /electronFuse/,
    );
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(config.publish).toBeNull(); // no auto-update feed: the app never phones home
  });

  it('has an app id, the same product name as the user data folder, and a Hindi name too', async () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.productName).toBe(APP_NAME);
    expect(config.linux.desktop.entry.Name).toBe('Press Archive');
    expect(config.linux.desktop.entry['Name[hi]']).toBe('प्रेस आर्काइव');
    expect(config.linux.desktop.entry['GenericName[hi]']).toMatch(/[\u0900-\u097F]/);
    expect(config.mac.extendInfo.LSHasLocalizedDisplayName).toBe(true);
    expect(config.mac.extendInfo.CFBundleLocalizations).toEqual(['en', 'hi']);
    for (const { from, to } of config.mac.extraResources) {
      const strings = await readFile(join(ROOT, from, 'InfoPlist.strings'), 'utf8');
      expect(to).toBe(from.split('/').pop());
      expect(strings).toContain(
        to === 'hi.lproj' ? 'CFBundleDisplayName = "प्रेस आर्काइव";' : 'CFBundleDisplayName = "Press Archive";',
      );
    }
    expect(config.dmg.title).toContain('प्रेस आर्काइव');
    expect(config.nsis.uninstallDisplayName).toContain('प्रेस आर्काइव');
  });

  it('uses the app’s own 512×512 icon, rendered from build/icon.svg', async () => {
    for (const platform of [config.mac, config.win, config.linux]) expect(platform.icon).toBe('build/icon.png');
    const png = await readFile(join(ROOT, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]); // IHDR width, height
    const svg = await readFile(join(ROOT, 'build', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    expect(svg).not.toMatch(/<(image|text)\b|href=/); // self-contained shapes: no external assets or fonts
  });

  it('offers to open .json exports on macOS and Linux, never as the default, and not on Windows', () => {
    expect(config.fileAssociations).toBeUndefined();
    expect(config.win.fileAssociations).toBeUndefined();
    expect(config.mac.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'json', role: 'Viewer', rank: 'Alternate' }),
    ]);
    expect(config.linux.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'json', mimeType: 'application/json' }),
    ]);
  });

  it('packs only the built app, without source maps, and keeps the archive on uninstall', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const patterns = asArray(config.files).flatMap((f: any) => (typeof f === 'string' ? [f] : asArray(f.filter)));
    expect(patterns).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map']);
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.asar).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder --config electron-builder\.yml\b/);
    expect(pkg.devDependencies.electron).toBeDefined(); // electron-builder takes Electron's version from here
  });
});

describe('Electron fuses', () => {
  it('sets the five required fuses (and two more) in the configuration', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  describe('flipped by electron-builder in a binary', () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ dir, cleanup } = await tempDir('press-archive-fuses-')));
    afterEach(() => cleanup());

    /** What Electron 45 has where @electron/fuses looks: the sentinel, wire version 1, 8 fuses. */
    async function standInBinary(path: string): Promise<void> {
      const wire = [
        FuseState.ENABLE, // RunAsNode
        FuseState.DISABLE, // EnableCookieEncryption
        FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
        FuseState.ENABLE, // EnableNodeCliInspectArguments
        FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
        FuseState.DISABLE, // OnlyLoadAppFromAsar
        FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
        FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
      ];
      const bytes = Buffer.concat([
        Buffer.from('\x7fELF stand-in for the Electron binary…'),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        Buffer.from([1, wire.length, ...wire]),
        Buffer.from('…rest of the binary'),
      ]);
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, bytes);
    }

    it('turns RunAsNode, NODE_OPTIONS and inspect off, asar integrity and asar-only on', async () => {
      const appOutDir = join(dir, 'linux-unpacked');
      const binary = join(appOutDir, config.executableName);
      await standInBinary(binary);
      const before = await stat(binary);
      await copyFile(binary, join(dir, 'before'));

      // The two steps electron-builder runs after packing (platformPackager.doAddElectronFuses).
      const packager = Object.create(PlatformPackager.prototype);
      packager.appInfo = { productFilename: config.executableName };
      const fuseConfig = await packager.generateFuseConfig(config.electronFuses);
      await packager.addElectronFuses({ appOutDir, electronPlatformName: 'linux' }, fuseConfig);

      const { FuseV1Options } = fuses;
      const wire = await fuses.getCurrentFuseWire(binary);
      const state = (option: number) => wire[option];
      expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
      // Only the fuse bytes changed: the seven set differently from the stand-in's defaults.
      expect((await stat(binary)).size).toBe(before.size);
      const [a, b] = [await readFile(join(dir, 'before')), await readFile(binary)];
      expect([...a].filter((byte, i) => byte !== b[i]).length).toBe(7);
    });
  });
});
