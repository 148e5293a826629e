// Text the CLI prints that it did not write itself (titles, bodies, file names, error details):
// a terminal obeys control characters, so ESC could recolour, retitle or rewrite the screen, a
// carriage return or newline could forge a line of the report, and bidi controls could make text
// read backwards. Those are printed as visible escapes (\u{1b}); everything else, Devanagari
// included, as it is. --json output needs none of this: JSON escapes control characters itself.
/* eslint-disable no-control-regex -- matching control characters is the point */
const ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const visible = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** A one-line value (a title, a file name): no character in it can start a new line or act on the terminal. */
export function oneLine(text: string): string {
  return text.replace(ONE_LINE, visible);
}

/** A text of several lines (a body, notes): newlines and tabs stay, every other control character is shown. */
export function multiLine(text: string): string {
  return text.replace(MULTI_LINE, visible);
}
