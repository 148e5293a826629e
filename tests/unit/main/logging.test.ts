// The error log: a real electron-log file in a real folder, rotated, and never holding clipping text.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../archive/errors.ts';
import { ArchiveService } from '../../../archive/service.ts';
import { createDispatcher } from '../../../archive/transport/dispatch.ts';
import { createAppLogger, LOG_FILE_NAME, loggingDispatch, rotateLogFiles } from '../../../main/logging.ts';
import { REDACTED, redactText, redactValue } from '../../../main/redact.ts';
import { tempDir } from '../../support/temp.ts';

// A clipping whose words must never reach the log, in Hindi and in English.
const TITLE = 'गंगा में बढ़ा जलस्तर, पटना में चेतावनी';
const BODY = 'Confidential source says the embankment near Digha ghat will breach tonight.';
const SECRET_WORDS = ['गंगा', 'जलस्तर', 'पटना', 'चेतावनी', 'Confidential', 'embankment', 'Digha', 'breach'];

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('press-archive-log-')));
afterEach(() => cleanup());

function expectNoClippingText(text: string): void {
  for (const word of SECRET_WORDS) expect(text, `"${word}" leaked into the log`).not.toContain(word);
}

describe('redaction', () => {
  it('cuts quoted text and words with non-ASCII letters, keeps our own words', () => {
    expect(redactText(`Unexpected token 'ग', "${TITLE}" is not valid JSON`)).toBe(
      `Unexpected token ${REDACTED}, ${REDACTED} is not valid JSON`,
    );
    expect(redactText(`ENOENT: no such file or directory, open '/home/a/${TITLE}.txt'`)).toBe(
      `ENOENT: no such file or directory, open ${REDACTED}`,
    );
    expect(redactText(`cannot save ${TITLE}`)).toBe(`cannot save${` ${REDACTED}`.repeat(7)}`);
    expect(redactText("can't write the shard")).toBe("can't write the shard");
    expect(redactText('x'.repeat(1000)).length).toBeLessThanOrEqual(241);
  });

  it('keeps an error to its name, code and stack frames', () => {
    const archiveError = new ArchiveError({ code: 'unreadableFile', params: { file: `${TITLE}.txt`, detail: BODY } });
    const text = String(redactValue(archiveError));
    expect(text).toMatch(/^ArchiveError unreadableFile; params: file, detail\n\s+at /);
    expectNoClippingText(text);
    // A plain object (a clipping logged by mistake) shows its shape only.
    expect(redactValue({ title: TITLE, body: BODY })).toBe('[Object with title, body]');
    expect(redactValue([TITLE, BODY])).toBe('[array of 2]');
  });
});

describe('the log file', () => {
  it('is written in the logs folder and holds the errors, not the clipping text', async () => {
    const logger = createAppLogger({ logsDir: join(dir, 'logs'), console: false });
    expect(logger.file).toBe(join(dir, 'logs', LOG_FILE_NAME));

    let parseError: unknown;
    try {
      JSON.parse(`{"title": "${TITLE}", "body": ${BODY}}`);
    } catch (error) {
      parseError = error;
    }
    logger.error('import: a record is not JSON', parseError);
    logger.error('write failed', new Error(`could not write "${TITLE}" ('${BODY}')`, { cause: parseError }));
    logger.error(
      'archive refused',
      new ArchiveError({ code: 'validation', fields: [{ field: 'title', code: 'required' }] }),
    );
    logger.warn('odd value', { title: TITLE, body: BODY });
    logger.error(`raw text given as the message: ${TITLE} «${BODY}»`);

    const text = await readFile(logger.file, 'utf8');
    expectNoClippingText(text);
    expect(text).toContain('[error] import: a record is not JSON SyntaxError:');
    expect(text).toContain('ArchiveError validation; fields: title=required');
    expect(text).toContain('cause: SyntaxError');
    expect(text).toMatch(/^\s+at .*logging\.test\.ts:\d+/m); // frames point at the code
    expect(text).toContain('[Object with title, body]');
    expect(await logger.tail(2)).toEqual(text.trim().split('\n').slice(-2));
  });

  it('logs failed API calls that are not the caller’s fault, never the input', async () => {
    const logger = createAppLogger({ logsDir: join(dir, 'logs'), console: false });
    const service = await ArchiveService.open(join(dir, 'archive'));
    // The real service, except that writing fails the way a full disk would, naming what it wrote.
    const failingAdd = Object.assign(Object.create(service) as ArchiveService, {
      add: async (input: { title: string; body: string }) => {
        // Unquoted English text cannot be told from an error message by its look; the input can.
        throw new Error(`ENOSPC: no space left on device, write '${input.title}' ${input.body}`);
      },
    });
    const dispatch = loggingDispatch(createDispatcher(failingAdd), logger);

    expect((await dispatch('add', { title: '', body: BODY })).ok).toBe(false); // validation: not logged
    expect((await dispatch('list', {})).ok).toBe(true);
    const failed = await dispatch('add', { title: TITLE, body: BODY });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });

    const lines = await logger.tail(50);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\[error\] api add failed: internal \(ENOSPC: no space left on device, write ‹…› ‹…›/);
    expectNoClippingText(lines.join('\n'));
  });

  it('rotates: main.log → main.1.log … main.3.log, the oldest dropped', async () => {
    const logsDir = join(dir, 'logs');
    const logger = createAppLogger({ logsDir, maxBytes: 2000, kept: 3, console: false });
    for (let i = 0; i < 300; i += 1) logger.error(`line ${i} of the rotation test`);
    const files = (await readdir(logsDir)).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const file of files) expect((await stat(join(logsDir, file))).size).toBeLessThan(2200);
    expect(await readFile(join(logsDir, 'main.log'), 'utf8')).toContain('line 299 of the rotation test');
    expect(await readFile(join(logsDir, 'main.3.log'), 'utf8')).not.toContain('line 0 of');

    rotateLogFiles(join(logsDir, 'main.log'), 3);
    expect((await readdir(logsDir)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
  });
});
