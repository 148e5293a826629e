// Latin acronyms as Hindi news writes them: letter names run together in Devanagari, so "NDA" is
// एनडीए, "ATM" एटीएम, "CCTV" सीसीटीवी, "DGP" डीजीपी, "UP" यूपी.
const LETTER_NAMES: Record<string, string> = {
  a: 'ए',
  b: 'बी',
  c: 'सी',
  d: 'डी',
  e: 'ई',
  f: 'एफ',
  g: 'जी',
  h: 'एच',
  i: 'आई',
  j: 'जे',
  k: 'के',
  l: 'एल',
  m: 'एम',
  n: 'एन',
  o: 'ओ',
  p: 'पी',
  q: 'क्यू',
  r: 'आर',
  s: 'एस',
  t: 'टी',
  u: 'यू',
  v: 'वी',
  w: 'डब्ल्यू',
  x: 'एक्स',
  y: 'वाई',
  z: 'जेड',
};

export const MAX_ACRONYM_LETTERS = 5;

/** The Devanagari letter-name spelling of a Latin word of 2–5 letters, else undefined. */
export function acronymInDevanagari(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (!/^[a-z]{2,5}$/.test(lower) || lower.length > MAX_ACRONYM_LETTERS) return undefined;
  return [...lower].map((letter) => LETTER_NAMES[letter]).join('');
}
