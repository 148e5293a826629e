// The desktop app's log: errors (and a line per start) in <user data>/logs/main.log, rotated at 1 MB
// with three older files kept (main.1.log … main.3.log). electron-log's Node flavour writes it: its
// Electron flavour would register IPC channels the page could call. A hook passes every value through
// redactValue first, so no clipping text reaches the file (main/redact.ts).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, parse } from 'node:path';
import electronLog from 'electron-log/node';
import type { ErrorInfo } from '../archive/errors.ts';
import type { Dispatch } from '../archive/transport/dispatch.ts';
import { REDACTED, redactText, redactValue } from './redact.ts';

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_FILES_KEPT = 3;

export interface AppLogger {
  readonly file: string;
  error(what: string, error?: unknown): void;
  warn(what: string, detail?: unknown): void;
  info(what: string): void;
  /** The last lines of the current file (already redacted when written). */
  tail(lines: number): Promise<string[]>;
}

/** main.log → main.1.log → main.2.log …, the oldest dropped. */
export function rotateLogFiles(path: string, kept: number = LOG_FILES_KEPT): void {
  const { dir, name, ext } = parse(path);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(kept), { force: true });
  for (let n = kept - 1; n >= 1; n -= 1) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  renameSync(path, numbered(1));
}

let loggers = 0;

export function createAppLogger(options: {
  logsDir: string;
  maxBytes?: number;
  kept?: number;
  console?: boolean;
}): AppLogger {
  const file = join(options.logsDir, LOG_FILE_NAME);
  loggers += 1;
  const log = electronLog.create({ logId: `press-archive-${process.pid}-${loggers}` });
  log.transports.file.level = 'info';
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (old) => rotateLogFiles(old.path, options.kept ?? LOG_FILES_KEPT);
  log.transports.console.level = options.console === false ? false : 'warn';
  // Nothing leaves the process: no remote or IPC transport.
  if (log.transports.remote) log.transports.remote.level = false;
  if (log.transports.ipc) log.transports.ipc.level = false;
  log.hooks.push((message) => ({ ...message, data: message.data.map(redactValue) }));

  return {
    file,
    error: (what, error) => (error === undefined ? log.error(what) : log.error(what, error)),
    warn: (what, detail) => (detail === undefined ? log.warn(what) : log.warn(what, detail)),
    info: (what) => log.info(what),
    async tail(count) {
      const text = await readFile(file, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter((line) => line !== '')
        .slice(-count);
    },
  };
}

/** Failures that are not the user's input (those the UI already explains) go into the log. */
const LOGGED_CODES: ReadonlySet<ErrorInfo['code']> = new Set([
  'internal',
  'io',
  'damaged',
  'locked',
  'newerFormat',
  'printerMissing',
  'printFailed',
]);

/** The words (3+ letters or digits) of every string in a call's input: the text it carried. */
export function wordsOf(value: unknown, words = new Set<string>(), depth = 0): Set<string> {
  if (typeof value === 'string') {
    for (const word of value.match(/[\p{L}\p{M}\p{N}]{3,}/gu) ?? []) words.add(word.toLowerCase());
  } else if (value !== null && typeof value === 'object' && depth < 4) {
    for (const item of Object.values(value)) wordsOf(item, words, depth + 1);
  }
  return words;
}

/**
 * One log line for a failed call. Its detail (an error message) may repeat what the call carried,
 * quoted or not: every word of the input is cut out, then the usual redaction applies.
 */
export function describeFailure(method: string, info: ErrorInfo, input?: unknown): string {
  const detail = info.params?.detail;
  if (typeof detail !== 'string') return `api ${method} failed: ${info.code}`;
  const carried = wordsOf(input);
  const withoutInput = detail.replace(/[\p{L}\p{M}\p{N}]{3,}/gu, (word) =>
    carried.has(word.toLowerCase()) ? REDACTED : word,
  );
  return `api ${method} failed: ${info.code} (${redactText(withoutInput)})`;
}

/** The dispatcher, logging the calls that failed for reasons other than the caller's input. */
export function loggingDispatch(dispatch: Dispatch, logger: AppLogger): Dispatch {
  return async (method, input) => {
    const envelope = await dispatch(method, input);
    if (!envelope.ok && LOGGED_CODES.has(envelope.error.code)) {
      logger.error(describeFailure(redactText(method), envelope.error, input));
    }
    return envelope;
  };
}

const CATCHING = Symbol.for('press-archive.logging.catching');

/**
 * Errors nobody caught in the main process go into the log (redacted) instead of only a console.
 * Once per process: a later call only changes the logger they go to.
 */
export function catchUnhandledErrors(logger: AppLogger): void {
  const holder = process as unknown as Record<symbol, { logger: AppLogger } | undefined>;
  const existing = holder[CATCHING];
  if (existing) {
    existing.logger = logger;
    return;
  }
  const catching = { logger };
  holder[CATCHING] = catching;
  process.on('uncaughtException', (error) => catching.logger.error('uncaught exception', error));
  process.on('unhandledRejection', (reason) => catching.logger.error('unhandled rejection', reason));
}
