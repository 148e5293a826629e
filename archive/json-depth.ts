// How deeply a JSON text nests, found before parsing it: a request or a file of a million "[" would
// otherwise be parsed and then walked by every validator, holding the process for seconds.

/** Deeper than any document Press Archive reads or writes (a backup nests 4 levels). */
export const MAX_JSON_DEPTH = 64;

/** True when `text` nests arrays and objects more than `max` levels deep (strings are skipped). */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
