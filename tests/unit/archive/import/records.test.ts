import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../../archive/errors.ts';
import { formatError } from '../../../../archive/messages.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { tempDir } from '../../../support/temp.ts';

let dir: string;
let cleanup: () => Promise<void>;
let service: ArchiveService;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  service = await ArchiveService.open(dir);
});
afterEach(() => cleanup());

async function bodiesByTitle(): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const c of await service.list()) result.set(c.title, (await service.get({ id: c.id })).body);
  return result;
}

describe('import', () => {
  it('takes a .txt file: first line the title, the rest the text with its paragraphs', async () => {
    const report = await service.importFiles({
      files: [{ name: 'khabar.txt', content: '\uFEFF\nबारिश से राहत\n\nपहला अनुच्छेद।\n\nदूसरा अनुच्छेद।\n' }],
    });
    expect(report).toMatchObject({ added: 1, skipped: 0, errors: [] });
    expect((await bodiesByTitle()).get('बारिश से राहत')).toBe('पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।');
  });

  it('takes a .md file with front matter for the fields', async () => {
    const content = [
      '---',
      'title: चुनाव आयोग की बैठक',
      'publication: दैनिक भास्कर',
      'date: 2024-05-01',
      'page: 7',
      'tags: चुनाव, आयोग',
      '---',
      '',
      'आयोग ने आज बैठक की।',
    ].join('\n');
    const report = await service.importFiles({ files: [{ name: 'a.md', content }] });
    expect(report.errors).toEqual([]);
    const clipping = await service.get({ id: report.addedIds[0]! });
    expect(clipping).toMatchObject({
      title: 'चुनाव आयोग की बैठक',
      publication: 'दैनिक भास्कर',
      date: '2024-05-01',
      page: '7',
      tags: ['चुनाव', 'आयोग'],
      body: 'आयोग ने आज बैठक की।',
    });
  });

  it('takes a heading as the title of a .md file without front matter', async () => {
    const report = await service.importFiles({ files: [{ name: 'b.md', content: '# मौसम\n\nआज धूप रहेगी।' }] });
    expect((await service.get({ id: report.addedIds[0]! })).title).toBe('मौसम');
  });

  it('imports the good records of a .json file and reports the bad ones by record number', async () => {
    const content = JSON.stringify([
      { title: 'एक', body: 'पहली कतरन' },
      { title: '', body: 'शीर्षक नहीं' },
      { id: 'old', addedAt: '2020-01-01T00:00:00Z', title: 'तीन', body: 'तीसरी', url: 'https://example.in/3' },
    ]);
    const report = await service.importFiles({ files: [{ name: 'many.json', content }] });
    expect(report.added).toBe(2);
    expect(report.errors).toEqual([
      { file: 'many.json', record: 2, error: { code: 'validation', fields: [{ field: 'title', code: 'required' }] } },
    ]);
  });

  it('reports broken .ndjson lines by line number and imports the rest', async () => {
    const content = [
      JSON.stringify({ title: 'पहली', body: 'पाठ एक' }),
      '',
      '{"title": "टूटी", "body": ',
      JSON.stringify({ title: 'तारीख़', body: 'पाठ तीन', date: '2024-13-01' }),
      JSON.stringify({ title: 'चौथी', body: 'पाठ चार' }),
    ].join('\n');
    const report = await service.importFiles({ files: [{ name: 'feed.ndjson', content }] });
    expect(report.added).toBe(2);
    expect(report.errors.map((e) => [e.line, e.error.code])).toEqual([
      [3, 'badRecord'],
      [4, 'validation'],
    ]);
    // Said in the user's language, never in the JSON parser's English.
    const broken = report.errors[0]!.error;
    expect(formatError(broken, 'hi')).toBe(
      'यह मान्य JSON प्रविष्टि नहीं है: प्रविष्टि पूरी होने से पहले ही पाठ ख़त्म हो जाता है (क्या फ़ाइल अधूरी है?)',
    );
    expect(formatError(broken, 'en')).toBe(
      'Not a valid JSON record: the text ends before the record does (is the file cut short?)',
    );
  });

  it("a .json file that is not JSON is explained without the parser's words", async () => {
    const error = await service.importFiles({ files: [{ name: 'bad.json', content: '{"title": "a",, }' }] }).then(
      (report) => report.errors[0]?.error,
      (e: unknown) => (e instanceof ArchiveError ? e.info : undefined),
    );
    expect(error?.code).toBe('unreadableFile');
    const hi = formatError(error!, 'hi');
    expect(hi).toContain('यह JSON के रूप में नहीं लिखी है');
    expect(hi).not.toMatch(/Unexpected|JSON at position/);
  });

  it('skips what is already archived: the same text or the same web address', async () => {
    const first = JSON.stringify({ title: 'क', body: 'वही  पाठ', url: 'https://example.in/a' });
    await service.importFiles({ files: [{ name: 'a.ndjson', content: first }] });
    const again = [
      JSON.stringify({ title: 'ख', body: 'वही पाठ' }),
      JSON.stringify({ title: 'ग', body: 'नया पाठ', url: 'https://example.in/a' }),
      JSON.stringify({ title: 'घ', body: 'सचमुच नया' }),
      JSON.stringify({ title: 'ङ', body: 'सचमुच नया' }),
    ].join('\n');
    const report = await service.importFiles({ files: [{ name: 'b.ndjson', content: again }] });
    expect(report).toMatchObject({ added: 1, skipped: 3 });
  });

  it('reports an unsupported or unreadable file by name, and imports the good ones', async () => {
    const before = await snapshotFiles(dir);
    for (const file of [
      { name: 'page.docx', content: 'x' },
      { name: 'broken.json', content: '[{"title":' },
    ]) {
      const report = await service.importFiles({ files: [file] });
      expect(report).toMatchObject({ added: 0, errors: [{ file: file.name }] });
    }
    expect(await snapshotFiles(dir)).toEqual(before);
    const report = await service.importFiles({
      files: [
        { name: 'ok.txt', content: 'ठीक\nपाठ' },
        { name: 'page.docx', content: 'x' },
      ],
    });
    expect(report).toMatchObject({ added: 1, errors: [{ file: 'page.docx', error: { code: 'unsupportedFile' } }] });
  });
});
