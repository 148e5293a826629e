// What may go into the log: never what a clipping says. Log lines are written by our code from codes
// and names; anything else that reaches the log (an error's message, a value) passes through here:
// quoted text and words with non-ASCII letters (Hindi) are cut out, long text is shortened, and of an
// error only its name, code and stack frames (file:line of our code) are kept.
import { ArchiveError } from '../archive/errors.ts';

export const REDACTED = '‹…›';
const MAX_TEXT = 240;

// "…", '…', “…”, ‘…’, «…», ‹…›, `…`: how parsers, Node and our own messages quote input.
// An apostrophe inside a word (can't) is not a quote; an unclosed quote runs to the end.
const QUOTED = /"(?:[^"\\]|\\.)*"?|(?<![A-Za-z])'(?:[^'\\]|\\.)*'?|“[^”]*”?|‘[^’]*’?|«[^»]*»?|‹[^›]*›?|`[^`]*`?/gs;
// While redacting, a cut is this control character, so that a cut is not itself cut again.
const CUT = '\u0001';
// eslint-disable-next-line no-control-regex -- the cut marker above is a control character on purpose
const NON_ASCII_WORD = /\S*[^\x20-\x7e\s\u0001]\S*/g;

/** A message with everything that could be user text cut out. */
export function redactText(text: string): string {
  const cut = text
    .replaceAll(CUT, '')
    .replace(QUOTED, CUT)
    .replace(NON_ASCII_WORD, CUT)
    .replace(/\s+/g, ' ')
    .trim()
    .replaceAll(CUT, REDACTED);
  return cut.length > MAX_TEXT ? `${cut.slice(0, MAX_TEXT)}…` : cut;
}

/** The stack's frames only ("at fn (file:line:col)"): the first line repeats the message. */
function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => `    ${redactText(line)}`);
}

function describeError(error: Error, depth: number): string {
  const lines: string[] = [];
  if (error instanceof ArchiveError) {
    // Codes and field names are ours; parameter values may be user text, so only their names go in.
    const { code, params, fields } = error.info;
    const parts = [`${error.name} ${code}`];
    if (params) parts.push(`params: ${Object.keys(params).join(', ')}`);
    if (fields) parts.push(`fields: ${fields.map((f) => `${f.field}=${f.code}`).join(', ')}`);
    lines.push(parts.join('; '));
  } else {
    const code = (error as { code?: unknown }).code;
    const codePart = typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? ` [${code}]` : '';
    lines.push(`${error.name}${codePart}: ${redactText(error.message)}`);
  }
  lines.push(...stackFrames(error));
  if (error.cause instanceof Error && depth < 2) lines.push(`  cause: ${describeError(error.cause, depth + 1)}`);
  return lines.join('\n');
}

/** Any value as a line safe for the log. */
export function redactValue(value: unknown): string | number | boolean | null | undefined {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return describeError(value, 0);
  if (typeof value === 'bigint') return String(value);
  // Objects: their shape, never their contents.
  if (Array.isArray(value)) return `[array of ${value.length}]`;
  return `[${(value as object).constructor?.name ?? 'object'} with ${Object.keys(value as object).join(', ') || 'no keys'}]`;
}
