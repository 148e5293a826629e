// What comes from outside is bounded and contained: only regular files are imported (a device or a
// pipe is refused at once), each bad file is named while the good ones still import, unknown field
// names are cut short, nothing the CLI prints in text mode can act on the terminal or forge a line,
// and the HTTP transport refuses an oversized body before reading it and a deeply nested one.
import { execFileSync } from 'node:child_process';
import { symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { TOKEN_HEADER, startWebServer } from '../../../../archive/transport/http-server.ts';
import { format2Clipping, writeFormat2Archive } from '../../../support/format2.ts';
import { assertCliBuilt, runCli } from '../../../support/cli.ts';
import { rawRequest } from '../../../support/raw-request.ts';
import { tempDir } from '../../../support/temp.ts';

let root: string;
let archive: string;
let cleanup: () => Promise<void>;

beforeAll(assertCliBuilt);
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  archive = join(root, 'archive');
});
afterEach(() => cleanup());

const cli = (...args: string[]) => runCli([...args, '--archive', archive]);
/* eslint-disable-next-line no-control-regex -- what must never reach a terminal */
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('import from the command line', () => {
  it('refuses a device and a pipe at once, by name, and still imports the good file', async () => {
    const zero = join(root, 'zero.txt');
    await symlink('/dev/zero', zero);
    const fifo = join(root, 'pipe.ndjson');
    execFileSync('mkfifo', [fifo]);
    const good = join(root, 'good.txt');
    await writeFile(good, 'अच्छी फ़ाइल\nइसका पाठ');
    const result = await cli('import', zero, fifo, good);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('zero.txt is not a file');
    expect(result.stderr).toContain('pipe.ndjson is not a file');
    expect(result.stdout).toMatch(/^added 1, skipped 0, errors 2\n/);
    const list = await cli('list');
    expect(list.stdout).toContain('अच्छी फ़ाइल');
  });

  it('names a Markdown file with broken front matter and imports the others', async () => {
    const broken = join(root, 'broken.md');
    await writeFile(broken, '---\ntitle: [unclosed\ndate: :\n---\nपाठ');
    const good = join(root, 'good.md');
    await writeFile(good, '---\ntitle: ठीक है\n---\nयह पाठ ठीक है');
    const result = await cli('import', broken, good, '--json');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.added).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'broken.md', error: { code: 'unreadableFile' } });
    expect(report.errors[0].message).toMatch(/^broken\.md cannot be read: front matter: /);
  });

  it('names an unknown field cut to 100 characters, escape sequences shown, not obeyed', async () => {
    const key = '\u001b]0;pwned\u0007' + 'k'.repeat(2_000_000);
    const feed = join(root, 'feed.ndjson');
    await writeFile(feed, JSON.stringify({ title: 'शीर्षक', body: 'पाठ', [key]: 1 }));
    const result = await cli('import', feed);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeLessThan(1000);
    expect(result.stdout).toContain('\\u{1b}]0;pwned\\u{7}kkk');
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  it('a file name cannot forge a line of the summary', async () => {
    const name = join(root, 'x\nadded 999, skipped 0, errors 0\n.json');
    await writeFile(name, '[{"title":');
    const result = await cli('import', name);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('added 0, skipped 0, errors 1');
    expect(lines[1]).toMatch(/^x\\u\{a\}added 999, skipped 0, errors 0\\u\{a\}\.json: /);
  });
});

describe('the importer, through the API', () => {
  it('reports each unreadable file by name and imports the rest', async () => {
    const service = await ArchiveService.open(archive);
    const report = await service.importFiles({
      files: [
        { name: 'ok.txt', content: 'ठीक\nपाठ' },
        { name: 'page.docx', content: 'x' },
        { name: 'broken.json', content: '[{"title":' },
        { name: 'deep.json', content: '['.repeat(100_000) + ']'.repeat(100_000) },
        { name: 'broken.md', content: '---\n: : :\n  - [\n---\nपाठ' },
      ],
    });
    expect(report.added).toBe(1);
    expect(report.errors.map((e) => [e.file, e.error.code])).toEqual([
      ['page.docx', 'unsupportedFile'],
      ['broken.json', 'unreadableFile'],
      ['deep.json', 'tooDeep'],
      ['broken.md', 'unreadableFile'],
    ]);
  });
});

describe('text printed by the CLI', () => {
  it('list and show print control characters in stored text as visible escapes', async () => {
    // Records from before these characters were refused (format 2, migrated as they are).
    await writeFormat2Archive(archive, [
      format2Clipping(1, {
        title: '\u001b[2J\u001b]0;pwned\u0007साफ़\u202E',
        body: 'पहली पंक्ति\n\u001b[31mलाल\u001b[0m\rछिपा',
      }),
    ]);
    const list = await cli('list');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('\\u{1b}[2J\\u{1b}]0;pwned\\u{7}साफ़\\u{202e}');
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    const id = list.stdout
      .split('\n')
      .find((l) => l.includes('pwned'))!
      .split('\t')[0]!;
    const show = await cli('show', id);
    expect(show.stdout).toContain('पहली पंक्ति\n\\u{1b}[31mलाल\\u{1b}[0m\\u{d}छिपा');
    expect(show.stdout).not.toMatch(RAW_CONTROL);
  });
});

describe('the HTTP transport', () => {
  async function server() {
    const service = await ArchiveService.open(archive);
    return startWebServer({ dispatch: createDispatcher(service), rendererDir: root });
  }

  it('answers 413 to a body too large by its length, before any of it is sent', async () => {
    const web = await server();
    try {
      const { port } = new URL(web.url);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          path: '/api/importFiles',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(10 * 1024 ** 3),
            [TOKEN_HEADER]: web.token,
          },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.flushHeaders(); // the headers only: not one byte of the body is ever written
      });
      expect(status).toBe(413);
    } finally {
      await web.close();
    }
  });

  it('refuses a deeply nested body with 400', async () => {
    const web = await server();
    try {
      const answer = await rawRequest(new URL(web.url).port, '/api/add', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: web.token },
        body: '{"title":' + '['.repeat(1_000_000) + ']'.repeat(1_000_000) + '}',
      });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    } finally {
      await web.close();
    }
  });
});
