// Importing real files: a saved Hindi news page, a large NDJSON feed with broken lines, CSL-JSON.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { runCli } from '../../../support/cli.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { tempDir } from '../../../support/temp.ts';

const NEWS_PAGE = join(import.meta.dirname, '../../../fixtures/news-page.hi.html');

let dir: string;
let archive: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  archive = join(dir, 'archive');
});
afterEach(() => cleanup());

describe('a saved news page (.html)', () => {
  it('keeps the story, its fields and nothing of the page around it', async () => {
    const result = await runCli(['import', '--archive', archive, NEWS_PAGE, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ added: 1, skipped: 0, errors: [] });
    const service = await ArchiveService.open(archive);
    const summary = (await service.list()).find((c) => c.title.includes('मेट्रो'))!;
    const clipping = await service.get({ id: summary.id });
    expect(clipping).toMatchObject({
      title: 'लखनऊ में मेट्रो का दूसरा चरण शुरू',
      publication: 'नगर समाचार',
      author: 'रीना वर्मा',
      date: '2024-03-14',
      url: 'https://nagar-samachar.example/lucknow/metro-phase-2',
      language: 'hi',
    });
    const paragraphs = clipping.body.split('\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^लखनऊ मेट्रो के दूसरे चरण का उद्घाटन/);
    expect(paragraphs[4]).toContain('“अब अमीनाबाद जाने में आधा घंटा कम लगेगा।”');
    for (const clutter of [
      'विज्ञापन',
      'साझा करें',
      'ये भी पढ़ें',
      'कानपुर में नई बस सेवा',
      'सर्वाधिकार',
      'होम',
      'alert',
      'script',
      '<',
      'onerror',
    ]) {
      expect(clipping.body, clutter).not.toContain(clutter);
    }
  });
});

describe('a 5,000-line NDJSON feed with broken lines', () => {
  it('imports the good lines in one write and names each broken line', async () => {
    const lines: string[] = [];
    const broken = new Set([17, 1200, 3333, 4999]);
    const invalid = new Set([250, 2500]);
    for (let n = 1; n <= 5000; n++) {
      if (broken.has(n)) lines.push(`{"title": "टूटी पंक्ति ${n}", "body": `);
      else if (invalid.has(n))
        lines.push(JSON.stringify({ title: `ग़लत तारीख़ ${n}`, body: `पाठ ${n}`, date: '2024-02-30' }));
      else
        lines.push(
          JSON.stringify({
            title: `समाचार ${n}`,
            body: `यह समाचार संख्या ${n} का पाठ है।`,
            publication: 'दैनिक',
            tags: ['फ़ीड'],
          }),
        );
    }
    const file = join(dir, 'feed.ndjson');
    await writeFile(file, lines.join('\n') + '\n');
    const result = await runCli(['import', '--archive', archive, file, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.added).toBe(5000 - broken.size - invalid.size);
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([17, 250, 1200, 2500, 3333, 4999]);
    expect(report.errors.find((e: { line: number }) => e.line === 250).message).toMatch(/Date must be/);
    const check = await runCli(['check', '--archive', archive, '--json']);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, clippings: 5000 - 6 + 1 });
  });

  it('leaves the archive untouched when no line is good enough to import', async () => {
    await ArchiveService.open(archive);
    const before = await snapshotFiles(archive);
    const file = join(dir, 'bad.ndjson');
    await writeFile(file, '{"title": ""}\nnot json\n');
    const result = await runCli(['import', '--archive', archive, file, '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ added: 0, skipped: 0 });
    expect(await snapshotFiles(archive)).toEqual(before);
  });
});

describe('CSL-JSON from a citation manager', () => {
  it('imports article-newspaper items as clippings', async () => {
    const file = join(dir, 'zotero.json');
    const items = [
      {
        id: 'http://zotero.org/users/1/items/ABC',
        type: 'article-newspaper',
        title: 'चुनाव आयोग ने तारीख़ें घोषित कीं',
        'container-title': 'जनसत्ता',
        issued: { 'date-parts': [['2024', '3', '16']] },
        author: [{ family: 'सिंह', given: 'अमित' }],
        abstract: 'आयोग ने सात चरणों में मतदान की घोषणा की।',
        URL: 'https://example.in/chunav',
      },
    ];
    await writeFile(file, JSON.stringify(items));
    const result = JSON.parse((await runCli(['import', '--archive', archive, file, '--json'])).stdout);
    expect(result).toMatchObject({ added: 1, errors: [] });
    const service = await ArchiveService.open(archive);
    const id = (await service.list()).find((c) => c.publication === 'जनसत्ता')!.id;
    expect(await service.get({ id })).toMatchObject({
      date: '2024-03-16',
      author: 'अमित सिंह',
      body: items[0]!.abstract,
    });
  });
});

it('the fixture page really carries scripts, ads and share buttons', async () => {
  const html = await readFile(NEWS_PAGE, 'utf8');
  for (const clutter of ['<script', 'onerror=', 'class="ad', 'share-buttons', 'ये भी पढ़ें'])
    expect(html).toContain(clutter);
});
