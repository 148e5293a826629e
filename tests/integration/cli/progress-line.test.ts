// The CLI's progress line: on stderr when stderr is a terminal (a real pseudo-terminal, made by
// util-linux `script`), never when it is not; the --json output on stdout is the same either way.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { progressLine } from '../../../cli/progress-line.ts';
import { BIN, TEST_CACHE_DIR, assertCliBuilt, runCli } from '../../support/cli.ts';
import { tempDir } from '../../support/temp.ts';

const RECORDS = 3000;
let dir: string;
let cleanup: () => Promise<void>;
let feed: string;

beforeAll(assertCliBuilt);
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-cli-progress-'));
  feed = join(dir, 'feed.ndjson');
  const lines = Array.from({ length: RECORDS }, (_, i) => JSON.stringify({ title: `कतरन ${i}`, body: `पाठ ${i}` }));
  await writeFile(feed, lines.join('\n'));
});
afterEach(() => cleanup());

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI under a pseudo-terminal with stdout sent to a file: what the terminal showed, and stdout. */
function runInTerminal(
  args: string[],
  lang: string,
): Promise<{ code: number | null; terminal: string; stdout: string }> {
  const stdoutFile = join(dir, 'stdout.txt');
  const command = `${[process.execPath, BIN, ...args].map(quote).join(' ')} > ${quote(stdoutFile)}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, LANG: lang, LC_ALL: '', PRESS_ARCHIVE_CACHE_DIR: TEST_CACHE_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let terminal = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (terminal += d));
    child.on('error', reject);
    child.on('close', async (code) => resolve({ code, terminal, stdout: await readFile(stdoutFile, 'utf8') }));
  });
}

describe('the progress line of press-archive import', () => {
  it('is drawn on a terminal, counts up to the total, and is cleared at the end', async () => {
    const archive = join(dir, 'archive');
    const { code, terminal, stdout } = await runInTerminal(
      ['import', '--archive', archive, feed, '--json'],
      'en_US.UTF-8',
    );
    expect(code).toBe(0);
    expect(terminal).toContain('\rImporting: 1,500 / 3,000 records read\u001b[K');
    expect(terminal).toContain('\rImporting: 1,500 / 3,000 clippings\u001b[K');
    expect(terminal.endsWith('\r\u001b[K')).toBe(true);
    // stdout went to the file, untouched by the line.
    expect(JSON.parse(stdout)).toEqual({ added: RECORDS, skipped: 0, errors: [] });
  });

  it('speaks Hindi where the locale is Hindi', async () => {
    const archive = join(dir, 'archive');
    const { terminal } = await runInTerminal(['import', '--archive', archive, feed], 'hi_IN.UTF-8');
    expect(terminal).toContain('\rआयात: 1,500 / 3,000 कतरनें\u001b[K');
  });

  it('is never written when stderr is not a terminal; --json output is the same', async () => {
    const inTerminal = await runInTerminal(['import', '--archive', join(dir, 'a'), feed, '--json'], 'en_US.UTF-8');
    const piped = await runCli(['import', '--archive', join(dir, 'b'), feed, '--json']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(inTerminal.stdout);
  });

  it('asks the stream itself whether it is a terminal', () => {
    const written: string[] = [];
    const event = { task: 't', kind: 'import', step: 'added', done: 6000, total: 15000 } as const;
    const piped = progressLine({ isTTY: false, write: (t: string) => written.push(t) }, 'hi');
    expect(piped.sink).toBeUndefined();
    const terminal = progressLine({ isTTY: true, write: (t: string) => written.push(t) }, 'hi');
    terminal.sink!(event);
    terminal.done();
    expect(written).toEqual(['\rआयात: 6,000 / 15,000 कतरनें\u001b[K', '\r\u001b[K']);
  });
});
