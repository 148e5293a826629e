// `press-archive export-pdf` on a real folder (the README's "Command line" contract): once as a real
// process of the built CLI, which starts and stops its own Chromium; the rest through the CLI's
// main in this process, printing with one Chromium for the whole file. Generous timeouts for a busy machine.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../../archive/pdf/chromium-printer.ts';
import { indexFilePath } from '../../../../archive/search/index-file.ts';
import { FIRST_ARTICLE_TEXT } from '../../../../archive/seed/index.ts';
import { assertCliBuilt, runCli, runCliProcess } from '../../../support/cli.ts';
import { bodyArea, pdfFonts, pdfInfo, pdfOutline, pdfText, squeeze } from '../../../support/poppler.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { tempDir } from '../../../support/temp.ts';

let root: string;
let archive: string;
let cleanup: () => Promise<void>;

const printer = chromiumPrinter({ keepAliveMs: 10 * 60_000 });
beforeAll(assertCliBuilt);
afterAll(() => printer.dispose());
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  archive = join(root, 'archive');
});
afterEach(() => cleanup());

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli([...args, '--archive', archive], env, { printer });

async function addClipping(title: string, body: string): Promise<string> {
  const result = await cli(['add', '--title', title, '--body', body]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('press-archive export-pdf', { timeout: 120_000 }, () => {
  it('--all writes the whole archive, leaves the archive untouched and reports what it wrote', async () => {
    await cli(['list']); // creates the archive with the first article
    const before = await snapshotFiles(archive);
    const out = join(root, 'all.pdf');
    const result = await runCliProcess(['export-pdf', '--out', out, '--all', '--json', '--archive', archive]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ out, clippings: 1, pages: 1 });
    const info = await pdfInfo(out);
    expect(info.pages).toBe(1);
    expect(info.pageSize).toContain('(A4)');
    expect((await pdfFonts(out)).map((f) => f.name)).toContainEqual(expect.stringMatching(/NotoSansDevanagari/));
    expect(squeeze(await pdfText(out, { area: bodyArea(info) }))).toContain(squeeze(FIRST_ARTICLE_TEXT));
    expect(await snapshotFiles(archive)).toEqual(before);
  });

  it('--id ID … keeps the given order (both spellings); --query finds, --page-size and --font choose', async () => {
    const a = await addClipping('पहली ख़बर', 'गंगा में बाढ़');
    const b = await addClipping('दूसरी ख़बर', 'यमुना में बाढ़');
    const out = join(root, 'ids.pdf');
    expect((await cli(['export-pdf', '--out', out, '--id', b, a], { LANG: 'hi_IN.UTF-8' })).code).toBe(0);
    expect((await pdfOutline(out)).map((e) => e.title)).toEqual(['विषय-सूची', 'दूसरी ख़बर', 'पहली ख़बर']);
    expect((await cli(['export-pdf', '--out', out, '--id', a, '--id', b])).code).toBe(0);
    expect((await pdfOutline(out)).map((e) => e.title)).toEqual(['Contents', 'पहली ख़बर', 'दूसरी ख़बर']);

    const letter = join(root, 'letter.pdf');
    const result = await cli([
      'export-pdf',
      '--out',
      letter,
      '--query',
      'यमुना',
      '--page-size',
      'letter',
      '--font',
      'serif',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 clipping, 1 page');
    expect((await pdfInfo(letter)).pageSize).toContain('(letter)');
    expect((await pdfFonts(letter)).map((f) => f.name)).toContainEqual(expect.stringMatching(/NotoSerifDevanagari/));
    expect((await pdfOutline(letter)).map((e) => e.title)).toEqual(['दूसरी ख़बर']);
  });

  it('--query ranks with the saved search index: built once, then read as saved, then caught up', async () => {
    const env = { PRESS_ARCHIVE_CACHE_DIR: join(root, 'cache') };
    const saved = indexFilePath(archive, env);
    await addClipping('राहत शिविर', 'पटना में राहत');
    await addClipping('पटना में बाढ़', 'गंगा का पानी');
    const out = join(root, 'query.pdf');
    const exportQuery = async () => {
      const result = await cli(['export-pdf', '--out', out, '--query', 'पटना', '--json'], env);
      expect(result.code, result.stderr).toBe(0);
      return (await pdfOutline(out)).map((e) => e.title);
    };

    expect(existsSync(saved)).toBe(false);
    expect(await exportQuery()).toEqual(['Contents', 'पटना में बाढ़', 'राहत शिविर']); // the title match first
    expect(existsSync(saved)).toBe(true);
    const [bytes, { mtimeMs }] = await Promise.all([readFile(saved), stat(saved)]);

    // Nothing changed: the saved index answers as it is (not built again, not written again).
    expect(await exportQuery()).toEqual(['Contents', 'पटना में बाढ़', 'राहत शिविर']);
    expect((await stat(saved)).mtimeMs).toBe(mtimeMs);
    expect(await readFile(saved)).toEqual(bytes);

    // A clipping added since: the saved index is brought up to date before it answers.
    await addClipping('पटना पटना', 'पटना में पटना');
    expect(await exportQuery()).toEqual(['Contents', 'पटना पटना', 'पटना में बाढ़', 'राहत शिविर']);
    expect(await readFile(saved)).not.toEqual(bytes);

    // A mistake in the query is explained as `search` explains it, and nothing is written.
    const bad = await cli(['export-pdf', '--out', join(root, 'bad.pdf'), '--query', '"पटना'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('press-archive: A quotation mark is not closed. Close the phrase: "जन संवाद".\n');
    expect(existsSync(join(root, 'bad.pdf'))).toBe(false);
  });

  it('fails with one clear line and writes nothing: no match, unknown id, no folder, no Chromium', async () => {
    const out = join(root, 'x.pdf');
    const none = await cli(['export-pdf', '--out', out, '--query', 'ममता']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('press-archive: There is nothing to export: no clipping matches. No PDF was written.\n');
    const unknown = await cli(['export-pdf', '--out', out, '--id', 'zzzzzzzzzzzz']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('zzzzzzzzzzzz');
    const noFolder = await cli(['export-pdf', '--out', join(root, 'missing', 'x.pdf'), '--all']);
    expect(noFolder.code).toBe(1);
    // Its own printer, which looks for Chromium where the environment says.
    const noChromium = await runCli(['export-pdf', '--out', out, '--all', '--archive', archive], {
      PRESS_ARCHIVE_CHROMIUM: join(root, 'no-chromium'),
      LANG: 'hi_IN.UTF-8',
    });
    expect(noChromium.code).toBe(1);
    expect(noChromium.stderr.trim().split('\n')).toHaveLength(1);
    expect(noChromium.stderr).toContain('PRESS_ARCHIVE_CHROMIUM');
    expect(noChromium.stderr).toContain('Chromium इंस्टॉल करें');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(root, 'missing'))).toBe(false);
  });

  it('exits 2 on a usage error: no --out, no selection or two, a bad option', async () => {
    const out = join(root, 'x.pdf');
    for (const args of [
      ['export-pdf', '--all'],
      ['export-pdf', '--out', out],
      ['export-pdf', '--out', out, '--all', '--query', 'गंगा'],
      ['export-pdf', '--out', out, '--all', 'extra'],
      ['export-pdf', '--out', out, '--all', '--page-size', 'A3'],
      ['export-pdf', '--out', out, '--query', ' '],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: press-archive');
    }
    expect(existsSync(out)).toBe(false);
  });
});
