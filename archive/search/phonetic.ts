// A loose sound key shared by Devanagari words and Latin (romanized) words, so "delhi" finds दिल्ली
// and "rajesh sharma" finds राजेश शर्मा. Romanization habits differ (a/aa, i/ee, u/oo, sh/s, v/w,
// ph/f, z/j, final a or not), so the key keeps only what they agree on:
//
//   [V if the word starts with a vowel] consonant skeleton [":" class of the final vowel]
//
// The skeleton folds aspirates (ख → k, "kh" → k), sibilants (श ष स, "sh" → s), v/w, z/j, q/k,
// collapses doubled letters (दिल्ली, "dilli" → dl) and writes every nasal before a consonant as n
// (anusvara, "m" before p/b). The final vowel class tells शर्मा (A) from a word ending in a
// consonant (0); a Latin final "a" may be either (राम is "ram" or "rama"), so Latin words can have
// two keys.

type FinalClass = '0' | 'A' | 'I' | 'U' | 'E' | 'O';

const DEVANAGARI_CONSONANTS: Record<string, string> = {
  क: 'k',
  ख: 'k',
  ग: 'g',
  घ: 'g',
  ङ: 'n',
  च: 'c',
  छ: 'c',
  ज: 'j',
  झ: 'j',
  ञ: 'n',
  ट: 't',
  ठ: 't',
  ड: 'd',
  ढ: 'd',
  ण: 'n',
  त: 't',
  थ: 't',
  द: 'd',
  ध: 'd',
  न: 'n',
  प: 'p',
  फ: 'f',
  ब: 'b',
  भ: 'b',
  म: 'm',
  य: 'y',
  र: 'r',
  ल: 'l',
  ळ: 'l',
  व: 'v',
  श: 's',
  ष: 's',
  स: 's',
  ह: 'h',
};

const VOWEL_SIGN_CLASS: Record<string, FinalClass> = {
  'ा': 'A',
  'ि': 'I',
  'ी': 'I',
  'ु': 'U',
  'ू': 'U',
  'ृ': 'I',
  'े': 'E',
  'ै': 'E',
  'ो': 'O',
  'ौ': 'O',
};

const INDEPENDENT_VOWEL_CLASS: Record<string, FinalClass> = {
  अ: '0',
  आ: 'A',
  इ: 'I',
  ई: 'I',
  उ: 'U',
  ऊ: 'U',
  ए: 'E',
  ऐ: 'E',
  ओ: 'O',
  औ: 'O',
};

const VIRAMA = '्';
const NUKTA = '\u093C';

function collapse(skeleton: string[]): string {
  let out = '';
  for (const c of skeleton) if (out.at(-1) !== c) out += c;
  return out;
}

/**
 * The keys of a Devanagari word folded except for its nukta (see foldWord's keepNukta). ड़ and ढ़
 * are romanized both ways, "r"/"rh" (चंडीगढ़ "chandigarh") and "d"/"dh" (सड़क "sadak", लड़की
 * "ladki"), so a word with them has two keys.
 */
export function devanagariKeys(word: string): string[] {
  const skeleton: string[] = [];
  let startsWithVowel = false;
  let final: FinalClass = '0';
  const chars = [...word.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const consonant = DEVANAGARI_CONSONANTS[ch];
    if (consonant !== undefined) {
      if (chars[i + 1] === NUKTA) {
        skeleton.push(ch === 'ड' || ch === 'ढ' ? FLAP : consonant);
        i += 1;
      } else if (ch === 'ज' && chars[i + 1] === VIRAMA && chars[i + 2] === 'ञ') {
        // ज्ञ is said and romanized "gy" (ज्ञान, "gyan").
        skeleton.push('g', 'y');
        i += 2;
      } else skeleton.push(consonant);
      final = '0';
      continue;
    }
    if (ch === 'ं' || ch === 'ँ') {
      skeleton.push('n'); // the vowel before it stays the final vowel (में, हैं)
      continue;
    }
    if (ch === 'ृ' || ch === 'ऋ') {
      skeleton.push('r');
      final = 'I';
      continue;
    }
    const sign = VOWEL_SIGN_CLASS[ch];
    if (sign !== undefined) {
      final = sign;
      continue;
    }
    const independent = INDEPENDENT_VOWEL_CLASS[ch];
    if (independent !== undefined) {
      if (skeleton.length === 0) startsWithVowel = true;
      final = independent;
      continue;
    }
    if (/[0-9a-z]/.test(ch)) return []; // mixed scripts: no key
  }
  if (skeleton.length === 0) return [];
  const key = (flap: string) =>
    `${startsWithVowel ? 'V' : ''}${collapse(skeleton.map((c) => (c === FLAP ? flap : c)))}:${final}`;
  return skeleton.includes(FLAP) ? [key('r'), key('d')] : [key('')];
}

const FLAP = 'R';

const LATIN_CLUSTERS: [string, string][] = [
  ['chh', 'c'],
  ['ksh', 'ks'],
  ['ch', 'c'],
  ['sh', 's'],
  ['zh', 'j'],
  ['kh', 'k'],
  ['gh', 'g'],
  ['jh', 'j'],
  ['th', 't'],
  ['dh', 'd'],
  ['ph', 'f'],
  ['bh', 'b'],
  ['ck', 'k'],
  ['qu', 'k'],
];

const LATIN_SINGLE: Record<string, string> = {
  b: 'b',
  c: 'k',
  d: 'd',
  f: 'f',
  g: 'g',
  h: 'h',
  j: 'j',
  k: 'k',
  l: 'l',
  m: 'm',
  n: 'n',
  p: 'p',
  q: 'k',
  r: 'r',
  s: 's',
  t: 't',
  v: 'v',
  w: 'v',
  x: 'ks',
  z: 'j',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Final vowel classes a Latin vowel ending may stand for. */
function latinFinalClasses(ending: string): FinalClass[] {
  if (ending === '') return ['0'];
  if (ending === 'a' || ending === 'ia' || ending === 'ua') return ['A', '0'];
  if (ending.endsWith('aa')) return ['A'];
  if (/(i|ee|ii|ey|y)$/.test(ending) && !/(ai|ei)$/.test(ending)) return ['I'];
  if (/(ai|ei|ae)$/.test(ending)) return ['E', 'I']; // hai है, mumbai मुंबई
  if (/(au|ou)$/.test(ending)) return ['O', 'U']; // lucknow लखनऊ (w read as a vowel below)
  if (/(u|oo|uu)$/.test(ending)) return ['U'];
  if (ending.endsWith('o')) return ['O'];
  if (ending.endsWith('e')) return ['E', '0', 'I']; // pune पुणे, indore इंदौर, "dilli"/"dille"
  return ['0'];
}

/**
 * The keys of a lower-case Latin word: one, or a few when its spelling is ambiguous — a final "a"
 * (राम "ram", शर्मा "sharma"), a "g" before e/i (गीता "gita", डिजिटल "digital").
 */
export function latinKeys(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  let w = word.replace(/ngh$/, 'nH'); // singh सिंह: a real h (H is never read as aspiration)
  // A final y after a consonant is a vowel (sunny); elsewhere y is the consonant य (ajay, vijay).
  w = w.replace(/([^aeiou])y$/, '$1i');
  w = w.replace(/([aeiou])w$/, '$1u'); // lucknow
  const skeleton: string[][] = [];
  const startsWithVowel = VOWELS.has(w[0]!);
  let i = 0;
  let lastWasConsonant = false;
  const push = (...options: string[]) => {
    skeleton.push(options);
    lastWasConsonant = true;
  };
  while (i < w.length) {
    const ch = w[i]!;
    if (VOWELS.has(ch)) {
      lastWasConsonant = false;
      i += 1;
      continue;
    }
    const cluster = LATIN_CLUSTERS.find(([from]) => w.startsWith(from, i));
    if (cluster) {
      for (const c of cluster[1]) push(c);
      i += cluster[0].length;
      continue;
    }
    i += 1;
    if (ch === 'h' && lastWasConsonant) continue; // aspiration written after the consonant: "delhi"
    const next = w[i] ?? '';
    if (ch === 'H') push('h');
    else if (ch === 'y') push('y');
    else if (ch === 'c') push(/[eiy]/.test(next) ? 's' : 'k');
    else if (ch === 'g' && /[eiy]/.test(next)) push('g', 'j');
    else if (ch === 'm' && /[pb]/.test(next))
      push('n'); // champaran चंपारण: anusvara before p/b
    else {
      const mapped = LATIN_SINGLE[ch];
      if (mapped === undefined) return [];
      for (const c of mapped) push(c);
    }
  }
  if (skeleton.length === 0) return [];
  const ending = /[aeiouy]*$/.exec(w)![0];
  const finals = latinFinalClasses(ending);
  const keys: string[] = [];
  for (const letters of spellings(skeleton)) {
    for (const final of finals) keys.push(`${startsWithVowel ? 'V' : ''}${collapse(letters)}:${final}`);
  }
  return [...new Set(keys)];
}

/** Every way to read a skeleton with ambiguous letters (at most 4). */
function spellings(skeleton: string[][]): string[][] {
  let results: string[][] = [[]];
  for (const options of skeleton) {
    results = results.flatMap((r) => options.map((o) => [...r, o])).slice(0, 4);
  }
  return results;
}

/** The consonant skeleton of a Latin word being typed (no final class), for prefix matching. */
export function latinSkeletonPrefix(word: string): string | undefined {
  const key = latinKeys(word.replace(/[aeiouy]+$/, ''))[0];
  return key?.slice(0, key.indexOf(':'));
}

/** The phonetic keys of any word folded except for its nukta: Devanagari, Latin, or none (digits). */
export function phoneticKeys(word: string): string[] {
  if (/^[a-z]+$/.test(word)) return latinKeys(word);
  if (/[\u0900-\u097F]/.test(word)) {
    return devanagariKeys(word);
  }
  return [];
}
