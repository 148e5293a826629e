// The README's command-line contract on real folders: through the CLI's main in this
// process, and a few checks of the built CLI as real processes (exit codes, the bin, the locale).
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_ARTICLE_TEXT } from '../../../archive/seed/index.ts';
import { shardFile } from '../../support/archive-files.ts';
import { assertCliBuilt, runCli, runCliProcess } from '../../support/cli.ts';
import { snapshotFiles } from '../../support/snapshot.ts';
import { tempDir } from '../../support/temp.ts';

let root: string;
let archive: string;
let cleanup: () => Promise<void>;

beforeAll(assertCliBuilt); // for the real-process tests
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  archive = join(root, 'archive');
});
afterEach(() => cleanup());

const cli = (...args: string[]) => runCli([...args, '--archive', archive]);

describe('press-archive CLI', () => {
  it('list --json on a missing folder creates it with exactly the seed clipping', async () => {
    const result = await cli('list', '--json');
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout);
    expect(list).toHaveLength(1);
    expect(list[0].body).toBeUndefined();
    const shown = JSON.parse((await cli('show', list[0].id, '--json')).stdout);
    expect(shown.body).toBe(FIRST_ARTICLE_TEXT);
    const manifest = JSON.parse(await readFile(join(archive, 'manifest.json'), 'utf8'));
    expect(manifest.shards).toHaveLength(1);
  });

  it('uses PRESS_ARCHIVE_DIR when no --archive is given', async () => {
    const result = await runCli(['list', '--json'], { PRESS_ARCHIVE_DIR: archive });
    expect(result.code).toBe(0);
    expect(await snapshotFiles(archive)).toHaveProperty(['manifest.json']);
  });

  it('add prints the new id and the clipping is stored with its fields', async () => {
    const result = await cli(
      'add',
      '--title',
      'बाढ़ से हालात गंभीर',
      '--publication',
      'हिंदुस्तान',
      '--date',
      '2024-07-15',
      '--author',
      'संवाददाता',
      '--url',
      'https://example.in/baadh',
      '--page',
      '3',
      '--place',
      'पटना',
      '--tags',
      'बाढ़,बिहार',
      '--body',
      'गंगा का जलस्तर बढ़ा।\nकई गाँव डूबे।',
    );
    expect(result.code).toBe(0);
    const id = result.stdout.trim();
    expect(id).toMatch(/^[0-9a-z]{17}$/);
    const shown = JSON.parse((await cli('show', id, '--json')).stdout);
    expect(shown).toMatchObject({
      title: 'बाढ़ से हालात गंभीर'.normalize('NFC'),
      publication: 'हिंदुस्तान',
      date: '2024-07-15',
      page: '3',
      place: 'पटना',
      tags: ['बाढ़'.normalize('NFC'), 'बिहार'],
      body: 'गंगा का जलस्तर बढ़ा।\nकई गाँव डूबे।'.normalize('NFC'),
    });
  });

  it('add --body-file reads the text from a file', async () => {
    const file = join(root, 'body.txt');
    await writeFile(file, 'फ़ाइल से पाठ');
    const result = await cli('add', '--title', 'फ़ाइल', '--body-file', file);
    expect(result.code).toBe(0);
    expect(JSON.parse((await cli('show', result.stdout.trim(), '--json')).stdout).body).toBe('फ़ाइल से पाठ');
  });

  it.each([
    [['--title', '', '--body', 'x'], /Title is required/],
    [['--title', 't', '--body', 'x', '--date', '2024-02-30'], /Date must be YYYY/],
    [['--title', 't', '--body', 'x', '--url', 'javascript:alert(1)'], /http:\/\/ or https:\/\//],
    [['--title', 't', '--body-file', '/nonexistent/body.txt'], /cannot be read/],
  ])('refuses bad input %j with exit 1, one line, and no change on disk', async (args, message) => {
    await cli('list');
    const before = await snapshotFiles(archive);
    const result = await cli('add', ...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(await snapshotFiles(archive)).toEqual(before);
  });

  it('speaks Hindi when the locale is Hindi', async () => {
    const result = await runCli(['add', '--title', '', '--body', 'x', '--archive', archive], { LANG: 'hi_IN.UTF-8' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('शीर्षक भरना ज़रूरी है।');
  });

  it.each([[[]], [['frobnicate']], [['add', '--body', 'x']], [['list', '--colour']], [['show']]])(
    'exits 2 on usage error %j',
    async (args) => {
      const result = await runCli(args as string[]);
      expect(result.code).toBe(2);
      expect(result.stderr + result.stdout).toMatch(/Usage: press-archive/);
    },
  );

  it('imports files and reports with --json', async () => {
    const txt = join(root, 'a.txt');
    const ndjson = join(root, 'b.ndjson');
    await writeFile(txt, 'पहली ख़बर\nपाठ एक');
    await writeFile(
      ndjson,
      [
        JSON.stringify({ title: 'दूसरी', body: 'पाठ दो' }),
        '{broken',
        JSON.stringify({ title: 'पहली ख़बर', body: 'पाठ एक' }),
      ].join('\n'),
    );
    const result = await cli('import', txt, ndjson, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ added: 2, skipped: 1 });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'b.ndjson', line: 2 });
    expect(report.errors[0].message).toMatch(/Not a valid JSON record/);
  });

  it('refuses an unsupported or unreadable import file with exit 1 and no change', async () => {
    await cli('list');
    const before = await snapshotFiles(archive);
    const docx = join(root, 'x.docx');
    await writeFile(docx, 'x');
    const latin1 = join(root, 'latin1.txt');
    await writeFile(latin1, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0xe8]));
    for (const file of [docx, latin1, join(root, 'missing.txt')]) {
      const result = await cli('import', file);
      expect(result.code, file).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await snapshotFiles(archive)).toEqual(before);
  });

  it("refuses a file too large to import by its size, in the user's language, before reading it", async () => {
    await cli('list');
    const before = await snapshotFiles(archive);
    // Sparse: 600 MB by its size (more than one string can hold), nothing on the disk.
    const huge = join(root, 'huge.ndjson');
    await writeFile(huge, '');
    await truncate(huge, 600 * 1024 * 1024);
    const en = await cli('import', huge);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      'press-archive: huge.ndjson is too large to import in one piece (600 MB; at most 200 MB a file). ' +
        'Split it into smaller files and import them together. It was not imported.\n',
    );
    const hi = await runCli(['import', huge, '--archive', archive], { LANG: 'hi_IN.UTF-8' });
    expect(hi.code).toBe(1);
    expect(hi.stderr).toContain('huge.ndjson एक बार में आयात करने के लिए बहुत बड़ी है (600 MB; एक फ़ाइल अधिकतम 200 MB)');
    expect(await snapshotFiles(archive)).toEqual(before);
  });

  it('search --json gives the contract shape with «» around matches', async () => {
    const result = await cli('search', 'ड्रोन निगरानी', '--json', '--limit', '5');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.query).toBe('ड्रोन निगरानी');
    expect(answer.total).toBe(1);
    expect(Object.keys(answer.hits[0]).sort()).toEqual(['date', 'id', 'publication', 'score', 'snippet', 'title']);
    expect(answer.hits[0].snippet).toContain('«ड्रोन»');
    expect(answer.hits[0].snippet).toContain('«निगरानी»');
    expect(JSON.parse((await cli('search', 'ममता', '--json')).stdout)).toMatchObject({ total: 0, hits: [] });
  });

  it('check passes on a sound archive and exits 1 naming the damaged file', async () => {
    expect((await cli('check')).code).toBe(0);
    const shard = await shardFile(archive);
    await writeFile(join(archive, shard), '{ not json');
    const result = await cli('check', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems[0].file).toBe(shard);
    const listed = await cli('list');
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`damaged: ${shard}`);
  });

  it('several CLI processes adding at once lose nothing', async () => {
    await cli('list');
    const runs = [];
    // Four processes at once, twice over (more of them, with serve writing too, in
    // sharded-store.concurrency.test.ts; killed midway in sharded-store.crash.test.ts).
    for (let p = 0; p < 4; p++) {
      runs.push(
        (async () => {
          for (let i = 0; i < 2; i++) {
            const r = await runCliProcess([
              'add',
              '--archive',
              archive,
              '--title',
              `प्रक्रिया ${p} कतरन ${i}`,
              '--body',
              `पाठ ${p}-${i}`,
            ]);
            expect(r.code, r.stderr).toBe(0);
          }
        })(),
      );
    }
    await Promise.all(runs);
    expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(9);
    expect((await cli('check')).code).toBe(0);
  });
});

describe('options before the command, as with git and npm', () => {
  it('--archive DIR and --json before the command act as after it, with = too', async () => {
    const file = join(root, 'a.ndjson');
    await writeFile(file, JSON.stringify({ title: 'पहले विकल्प', body: 'आदेश से पहले' }));
    const imported = await runCli(['--archive', archive, '--json', 'import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 1, skipped: 0 });
    const listed = await runCli([`--archive=${archive}`, 'list', '--json']);
    expect(JSON.parse(listed.stdout).map((c: { title: string }) => c.title)).toContain('पहले विकल्प');
    expect(await runCli(['--json', 'list', '--archive', archive])).toEqual(await cli('list', '--json'));
  });

  it('a relative --archive is taken from the folder the CLI runs in', async () => {
    const result = await runCli(['--archive', 'archive', 'add', '--title', 'सापेक्ष', '--body', 'पथ'], {}, { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect((await cli('show', result.stdout.trim(), '--json')).stdout).toContain('सापेक्ष');
  });

  it('--help before or after the command prints the usage and exits 0', async () => {
    for (const args of [['--help'], ['-h'], ['--help', 'list'], ['--archive', archive, 'list', '--help'], ['help']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toMatch(/^Usage: press-archive \[--archive DIR\]/);
    }
  });

  it.each([
    [['--archive'], /argument missing/],
    [['--archive', archivePlaceholder()], /Usage: press-archive/],
    [['--colour', 'list'], /unknown option before the command: --colour/],
    [['--json'], /Usage: press-archive/],
    [['--archive', '/a', 'list', '--archive', '/b'], /--archive is given twice/],
    [['--archive=/a', 'list', '--archive=/b'], /--archive is given twice/],
  ])('exits 2 on a usage error before the command %j', async (args, message) => {
    const result = await runCli(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).toMatch(message);
  });
});

/** Any folder: the command is missing, so nothing is opened. */
function archivePlaceholder(): string {
  return '/nonexistent/press-archive-never-opened';
}

describe('the built CLI as a real process', () => {
  it('exits 0, 1 and 2, speaks the locale, and takes options before the command', async () => {
    const id = await runCliProcess(['--archive', archive, 'add', '--title', 'प्रक्रिया', '--body', 'असली']);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout.trim()).toMatch(/^[0-9a-z]{17}$/);
    const hindi = await runCliProcess(['add', '--title', '', '--body', 'x', '--archive', archive], {
      LANG: 'hi_IN.UTF-8',
    });
    expect(hindi).toMatchObject({ code: 1, stdout: '' });
    expect(hindi.stderr.trim().split('\n')).toHaveLength(1);
    expect(hindi.stderr).toContain('शीर्षक भरना ज़रूरी है।');
    const usage = await runCliProcess(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown command: frobnicate\nUsage: press-archive/);
    const none = await runCliProcess([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/^Usage: press-archive/);
  });
});
