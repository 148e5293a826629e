// archive/exports/export-file.ts, the one export-to-file path of the CLI and the desktop menu.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../../../../archive/exports/export-file.ts';
import { serializeClippings } from '../../../../archive/exports/formats.ts';
import { exportClippings } from '../../../../archive/exports/json.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { tempDir } from '../../../support/temp.ts';

let dir: string;
let cleanup: () => Promise<void>;
let service: ArchiveService;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  service = await ArchiveService.open(join(dir, 'archive'));
  await service.add({ title: 'नई ख़बर', body: 'नया पाठ', tags: ['राजनीति'] });
});

afterEach(async () => {
  await service.close();
  await cleanup();
});

describe('exportToFile', () => {
  it.each(['json', 'csv'] as const)('writes the %s export and leaves no temporary file', async (format) => {
    const path = join(dir, `out.${format}`);
    const count = await exportToFile(service, format, path);
    const clippings = await exportClippings(service);
    expect(count).toBe(clippings.length);
    expect(await readFile(path, 'utf8')).toBe(serializeClippings(clippings, format));
    expect((await readdir(dir)).sort()).toEqual(['archive', `out.${format}`]);
  });

  it('fails without writing anything when the folder is missing', async () => {
    const path = join(dir, 'missing', 'out.json');
    await expect(exportToFile(service, 'json', path)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['archive']);
  });
});
