// Scans on disk, with real OCR and real files: stored by content under scans/, verified by check,
// kept while any clipping uses them, carried by snapshots, restores and backup files; and the CLI's
// `import scan.jpg` then `search` for a word that is only in the scan.
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { runCli } from '../../../support/cli.ts';
import { closeSharedOcr } from '../../../support/shared-ocr.ts';
import { tempDir } from '../../../support/temp.ts';

// One real OCR engine for the file, each image read once (tests/support/shared-ocr.ts): the tests
// after the first get what it read from the same bytes, without starting tesseract.js again.
vi.mock('../../../../archive/ocr/recognize.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../archive/ocr/recognize.ts')>();
  const { sharingOcr } = await import('../../../support/shared-ocr.ts');
  return { ...real, createOcrEngine: sharingOcr(real.createOcrEngine) };
});

const SCAN = join(import.meta.dirname, '../../../fixtures/scans/khabar.jpg');
const ONLY_IN_SCAN = 'मछुआरों';

let root: string;
let cleanup: () => Promise<void>;
/** An archive with one scanned clipping (read once by OCR; each test works on a copy). */
let template: string;
let scanBytes: Buffer;
let hash: string;
let scanFile: string;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('press-archive-scans-'));
  template = join(root, 'template');
  scanBytes = await readFile(SCAN);
  hash = createHash('sha256').update(scanBytes).digest('hex');
  scanFile = `scans/${hash.slice(0, 2)}/${hash}.jpg`;
  const service = await ArchiveService.open(template);
  try {
    const report = await service.importScans({ scans: [{ name: 'khabar.jpg', bytes: scanBytes }] });
    expect(report).toMatchObject({ added: 1, skipped: 0, errors: [] });
  } finally {
    await service.close();
  }
});
afterAll(async () => {
  await closeSharedOcr();
  await cleanup();
});

let copies = 0;
async function copyOfTemplate(): Promise<string> {
  const dir = join(root, `copy-${++copies}`);
  await cp(template, dir, { recursive: true });
  return dir;
}

async function scannedClipping(service: ArchiveService) {
  const summary = (await service.list()).find((c) => c.scanPages !== undefined)!;
  return service.get({ id: summary.id });
}

describe('a scanned clipping on disk', () => {
  it('keeps the scan under its SHA-256, the OCR text as body and as ocrText, a title from the first line', async () => {
    const dir = await copyOfTemplate();
    expect(await readFile(join(dir, scanFile))).toEqual(scanBytes);
    const service = await ArchiveService.open(dir);
    const clipping = await scannedClipping(service);
    expect(clipping.title).toBe('भोपाल में झील की सफ़ाई शुरू');
    expect(clipping.body).toContain(ONLY_IN_SCAN);
    expect(clipping.ocrText).toBe(clipping.body);
    expect(clipping.scans).toEqual([expect.objectContaining({ sha256: hash, mime: 'image/jpeg', name: 'khabar.jpg' })]);
    expect(clipping.scans![0]!.pages[0]).toMatchObject({ image: hash, width: 1256, height: 474, source: 'ocr' });
    // The list carries only that it came from a scan, not its lines.
    const summary = (await service.list()).find((c) => c.id === clipping.id)!;
    expect(summary).toMatchObject({ scanPages: 1 });
    expect(summary).not.toHaveProperty('scans');
    // The reader gets the very bytes.
    const image = await service.scanImage({ id: clipping.id, sha256: hash });
    expect(image.mime).toBe('image/jpeg');
    expect(Buffer.from(image.base64, 'base64')).toEqual(scanBytes);
    // A correction of the text keeps what OCR read.
    const corrected = await service.update({ id: clipping.id, body: 'सुधारा गया पाठ' });
    expect(corrected.ocrText).toBe(clipping.body);
    expect(corrected.scans).toEqual(clipping.scans);
    expect((await checkArchive(dir)).ok).toBe(true);
  });

  it('check finds a scan that changed or went missing, naming the file and the clipping', async () => {
    const dir = await copyOfTemplate();
    const id = (await scannedClipping(await ArchiveService.open(dir))).id;
    const changed = Buffer.from(scanBytes);
    changed[changed.length >> 1]! ^= 0x01;
    await writeFile(join(dir, scanFile), changed);
    const report = await checkArchive(dir);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { file: scanFile, id, detail: expect.stringContaining('does not match its checksum') },
    ]);
    // The reader is refused the changed bytes.
    const service = await ArchiveService.open(dir);
    await expect(service.scanImage({ id, sha256: hash })).rejects.toMatchObject({ info: { code: 'damaged' } });
    await rm(join(dir, scanFile));
    expect((await checkArchive(dir)).problems).toEqual([
      { file: `scans/${hash}`, id, detail: expect.stringContaining('missing') },
    ]);
  });

  it('scanImage gives only files the clipping uses', async () => {
    const dir = await copyOfTemplate();
    const service = await ArchiveService.open(dir);
    const first = (await service.list()).find((c) => c.scanPages === undefined)!;
    await expect(service.scanImage({ id: first.id, sha256: hash })).rejects.toMatchObject({
      info: { code: 'notFound' },
    });
  });

  it('emptying the trash removes a scan only when no other clipping uses it', async () => {
    const dir = await copyOfTemplate();
    const service = await ArchiveService.open(dir);
    try {
      const first = await scannedClipping(service);
      const second = await service.addScan({
        scan: { name: 'again.jpg', bytes: scanBytes },
        fields: { title: 'वही स्कैन, दूसरी कतरन', publication: 'नगर समाचार' },
      });
      expect(second.scans![0]!.sha256).toBe(hash);
      expect(second).toMatchObject({ title: 'वही स्कैन, दूसरी कतरन', publication: 'नगर समाचार' });
      expect(await readdir(join(dir, 'scans', hash.slice(0, 2)))).toEqual([`${hash}.jpg`]);

      await service.trash({ id: first.id });
      expect(await service.emptyTrash()).toEqual({ removed: 1 });
      expect(await readFile(join(dir, scanFile))).toEqual(scanBytes); // the second still uses it
      expect((await checkArchive(dir)).ok).toBe(true);

      await service.trash({ id: second.id });
      expect(await service.emptyTrash()).toEqual({ removed: 1 });
      expect(await readdir(join(dir, 'scans', hash.slice(0, 2)))).toEqual([]);
      expect((await checkArchive(dir)).ok).toBe(true);
    } finally {
      await service.close();
    }
  });

  it('a snapshot keeps the scan, and restoring it brings the scan back', async () => {
    const dir = await copyOfTemplate();
    const service = await ArchiveService.open(dir);
    const clipping = await scannedClipping(service);
    const snapshot = await service.takeBackup();
    expect(await readFile(join(dir, 'backups', snapshot.name, scanFile))).toEqual(scanBytes);
    expect((await checkArchive(join(dir, 'backups', snapshot.name))).ok).toBe(true);
    await service.trash({ id: clipping.id });
    await service.emptyTrash();
    await expect(readFile(join(dir, scanFile))).rejects.toThrow();

    await service.restoreBackup({ name: snapshot.name });
    expect(await readFile(join(dir, scanFile))).toEqual(scanBytes);
    expect((await service.get({ id: clipping.id })).scans).toEqual(clipping.scans);
    expect((await checkArchive(dir)).ok).toBe(true);
  });

  it('a backup file carries the scans: restored into an empty archive, they are there and sound', async () => {
    const dir = await copyOfTemplate();
    const service = await ArchiveService.open(dir);
    const clipping = await scannedClipping(service);
    const file = await service.backupFile();
    const parsed = JSON.parse(file.content) as { scanFiles: Record<string, string> };
    expect(Object.keys(parsed.scanFiles)).toEqual([hash]);

    const elsewhere = join(root, `restored-${copies}`);
    const fresh = await ArchiveService.open(elsewhere);
    await fresh.restoreFile({ name: file.fileName, content: file.content });
    expect(await readFile(join(elsewhere, scanFile))).toEqual(scanBytes);
    expect(await fresh.get({ id: clipping.id })).toEqual(clipping);
    expect((await checkArchive(elsewhere)).ok).toBe(true);

    // A backup file whose scan was changed is refused, and the archive is left as it was.
    const forged = {
      ...JSON.parse(file.content),
      scanFiles: { [hash]: Buffer.from('not the scan').toString('base64') },
    };
    const other = await ArchiveService.open(join(root, `refused-${copies}`));
    const before = await other.list();
    await expect(other.restoreFile({ name: 'forged.json', content: JSON.stringify(forged) })).rejects.toMatchObject({
      info: { code: 'unreadableFile' },
    });
    expect(await other.list()).toEqual(before);
  });
});

describe('the CLI', () => {
  it('import scan.jpg, then search finds a word that is only in the scan', async () => {
    const dir = join(root, 'cli');
    const imported = await runCli(['import', '--archive', dir, SCAN, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 1, skipped: 0, errors: [] });
    const found = await runCli(['search', '--archive', dir, ONLY_IN_SCAN, '--json']);
    expect(found.code).toBe(0);
    const { hits } = JSON.parse(found.stdout) as { hits: { title: string; snippet: string }[] };
    const titles = hits.map((h) => h.title);
    expect(hits[0]!.snippet).toContain(`«${ONLY_IN_SCAN}»`);
    expect(titles).toEqual(['भोपाल में झील की सफ़ाई शुरू']);
  });

  it('add --scan makes one clipping: the fields given, the title proposed from the first line', async () => {
    const dir = join(root, 'cli-add');
    const added = await runCli(['add', '--archive', dir, '--scan', SCAN, '--publication', 'नगर समाचार']);
    expect(added.code).toBe(0);
    const id = added.stdout.trim();
    const clipping = await (await ArchiveService.open(dir)).get({ id });
    expect(clipping).toMatchObject({ title: 'भोपाल में झील की सफ़ाई शुरू', publication: 'नगर समाचार' });
    expect(clipping.scans![0]!.sha256).toBe(hash);
    expect((await runCli(['add', '--archive', dir, '--publication', 'x'])).code).toBe(2); // neither --title nor --scan
  });

  it('refuses a file that is not an image by its contents, by name, and adds nothing', async () => {
    const dir = join(root, 'cli-bad');
    const fake = join(root, 'fake.jpg');
    await writeFile(fake, 'यह चित्र नहीं है');
    const result = await runCli(['import', '--archive', dir, fake, '--json']);
    expect(JSON.parse(result.stdout).errors).toEqual([
      expect.objectContaining({ file: 'fake.jpg', error: { code: 'notAnImage', params: { file: 'fake.jpg' } } }),
    ]);
    expect((await ArchiveService.open(dir).then((s) => s.list())).length).toBe(1); // the first clipping only
  });
});
