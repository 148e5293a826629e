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
//
// The key leaves out the vowels inside the word. A word's shape keeps them too, one slot per
// consonant of the key, as the classes they may be: words that share a key match only if no slot
// tells them apart (soundsAgree). A Latin vowel may stand for several classes — "a" for अ or आ,
// "u" for उ, ऊ or अ (lucknow लखनऊ), "e" for ए, इ (delhi दिल्ली) or अ (verma वर्मा) — but a/aa
// never for उ/ऊ, so "ram" is राम and not रूम (room).
//
// Longer than most modules (a hundred lines are letter tables): the Devanagari and the Latin keys
// must come out alike for the same name, so both scripts' rules are kept side by side in one file.

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

/** Vowel classes a slot may be ('0' for none or the inherent a), or undefined: any. */
type Classes = string | undefined;

/** A sound key, with the vowels of the word beside it. */
export interface SoundShape {
  key: string;
  /** Before the first consonant, then after each consonant of the key (the last is the key's final class). */
  slots: Classes[];
}

/**
 * Doubled letters collapse (दिल्ली, "dilli" → dl) and so do their vowel slots: a vowel written
 * between the two (दादा, "dada") leaves the slot open.
 */
function shapeOf(
  start: string,
  letters: string[],
  vowels: string[],
  final: FinalClass,
  classes: (vowel: string) => Classes,
): SoundShape {
  let skeleton = '';
  const merged: (string | null)[] = [];
  letters.forEach((c, i) => {
    if (skeleton.at(-1) !== c) {
      skeleton += c;
      merged.push(vowels[i]!);
    } else merged[merged.length - 1] = merged.at(-1) === '' ? vowels[i]! : null;
  });
  return {
    key: `${start === '' ? '' : 'V'}${skeleton}:${final}`,
    slots: [classes(start), ...merged.map((v) => (v === null ? undefined : classes(v)))],
  };
}

/** A Devanagari slot: one vowel sign (or none) is its class; two vowels in a row are left open. */
function devanagariClasses(vowel: string): Classes {
  if (vowel === '') return '0';
  return vowel.length === 1 ? vowel : undefined;
}

/**
 * The shapes of a Devanagari word folded except for its nukta (see foldWord's keepNukta). ड़ and ढ़
 * are romanized both ways, "r"/"rh" (चंडीगढ़ "chandigarh") and "d"/"dh" (सड़क "sadak", लड़की
 * "ladki"), so a word with them has two.
 */
function devanagariShapes(word: string): SoundShape[] {
  const skeleton: string[] = [];
  const vowels: string[] = []; // the vowel classes written after each consonant
  let initial = '';
  let final: FinalClass = '0';
  const push = (...letters: string[]) => {
    for (const c of letters) {
      skeleton.push(c);
      vowels.push('');
    }
  };
  const addVowel = (cls: string) => {
    if (skeleton.length === 0) initial += cls;
    else vowels[vowels.length - 1] += cls;
  };
  const chars = [...word.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const consonant = DEVANAGARI_CONSONANTS[ch];
    if (consonant !== undefined) {
      if (chars[i + 1] === NUKTA) {
        push(ch === 'ड' || ch === 'ढ' ? FLAP : consonant);
        i += 1;
      } else if (ch === 'ज' && chars[i + 1] === VIRAMA && chars[i + 2] === 'ञ') {
        // ज्ञ is said and romanized "gy" (ज्ञान, "gyan").
        push('g', 'y');
        i += 2;
      } else push(consonant);
      final = '0';
      continue;
    }
    if (ch === 'ं' || ch === 'ँ') {
      push('n'); // the vowel before it stays the final vowel (में, हैं)
      continue;
    }
    if (ch === 'ृ' || ch === 'ऋ') {
      push('r');
      addVowel('I');
      final = 'I';
      continue;
    }
    const sign = VOWEL_SIGN_CLASS[ch];
    if (sign !== undefined) {
      if (skeleton.length > 0) addVowel(sign);
      final = sign;
      continue;
    }
    const independent = INDEPENDENT_VOWEL_CLASS[ch];
    if (independent !== undefined) {
      // A vowel letter after a consonant follows its inherent a (मुंबई, साइकिल): two vowels.
      addVowel(skeleton.length > 0 && vowels.at(-1) === '' ? `0${independent}` : independent);
      final = independent;
      continue;
    }
    if (/[0-9a-z]/.test(ch)) return []; // mixed scripts: no key
  }
  if (skeleton.length === 0) return [];
  const shape = (flap: string) =>
    shapeOf(
      initial,
      skeleton.map((c) => (c === FLAP ? flap : c)),
      vowels,
      final,
      devanagariClasses,
    );
  return skeleton.includes(FLAP) ? [shape('r'), shape('d')] : [shape('')];
}

/** The keys of a Devanagari word folded except for its nukta. */
export function devanagariKeys(word: string): string[] {
  return devanagariShapes(word).map((s) => s.key);
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
 * The Devanagari vowel classes a Latin vowel spelling inside a word may stand for; undefined (any)
 * for spellings with no usual reading.
 */
export function latinVowelClasses(vowel: string): Classes {
  if (vowel === '') return '0'; // "patna" पटना: an unwritten vowel is the inherent a
  // English loanwords: "a" is ै in बैंक "bank", स्टेशन "station"; "o" is ॉ (folded to ा) in
  // डॉक्टर "doctor", कॉलेज "college".
  if (vowel === 'a') return '0AE';
  if (vowel === 'aa') return 'A';
  if (/^(i|ii|ie)$/.test(vowel)) return 'I';
  if (/^(ee|ea)$/.test(vowel)) return 'IE'; // मेरठ "meerut", ग्रेटर "greater"
  if (vowel === 'e') return 'EI0';
  if (vowel === 'u') return 'U0';
  if (/^(oo|uu)$/.test(vowel)) return 'U';
  if (vowel === 'o') return 'OUA';
  if (/^(ai|ae|ei)$/.test(vowel)) return 'EI';
  if (/^(au|ou|ao)$/.test(vowel)) return 'OU';
  return undefined; // "*" (before r, below) and rarer spellings: any vowel
}

/**
 * The keys of a lower-case Latin word: one, or a few when its spelling is ambiguous — a final "a"
 * (राम "ram", शर्मा "sharma"), a "g" before e/i (गीता "gita", डिजिटल "digital").
 */
export function latinKeys(word: string): string[] {
  return [...new Set(latinShapes(word).map((s) => s.key))];
}

function latinShapes(word: string): SoundShape[] {
  if (!/^[a-z]+$/.test(word)) return [];
  let w = word.replace(/ngh$/, 'nH'); // singh सिंह: a real h (H is never read as aspiration)
  // A final y after a consonant is a vowel (sunny); elsewhere y is the consonant य (ajay, vijay).
  w = w.replace(/([^aeiou])y$/, '$1i');
  w = w.replace(/([aeiou])w$/, '$1u'); // lucknow
  const skeleton: string[][] = [];
  const vowels: string[] = []; // the vowel letters written after each consonant
  let initial = '';
  let i = 0;
  let lastWasConsonant = false;
  const push = (...options: string[]) => {
    skeleton.push(options);
    vowels.push('');
    lastWasConsonant = true;
  };
  while (i < w.length) {
    const ch = w[i]!;
    if (VOWELS.has(ch)) {
      if (skeleton.length === 0) initial += ch;
      else vowels[vowels.length - 1] += ch;
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
  // Before an r with no vowel after it, English writes any vowel for the sound Hindi writes अ, ा
  // or ो: "first" फर्स्ट, "turn" टर्न, "court" कोर्ट, "doctor" डॉक्टर. Such a vowel tells nothing;
  // nor does a vowel left out before y ("haryana" हरियाणा).
  const rColored = (k: number) => skeleton[k]?.[0] === 'r' && vowels[k] === '';
  if (initial !== '' && rColored(0)) initial = '*';
  vowels.forEach((v, k) => {
    if (v === '' ? skeleton[k + 1]?.[0] === 'y' : rColored(k + 1)) vowels[k] = '*';
  });
  const shapes: SoundShape[] = [];
  for (const letters of spellings(skeleton)) {
    for (const final of finals) shapes.push(shapeOf(initial, letters, vowels, final, latinVowelClasses));
  }
  return shapes;
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

/** The sound shapes of any word folded except for its nukta: Devanagari, Latin, or none (digits). */
export function soundShapes(word: string): SoundShape[] {
  if (/^[a-z]+$/.test(word)) return latinShapes(word);
  if (/[\u0900-\u097F]/.test(word)) return devanagariShapes(word);
  return [];
}

/** The phonetic keys of any word folded except for its nukta. */
export function phoneticKeys(word: string): string[] {
  return [...new Set(soundShapes(word).map((s) => s.key))];
}

/** Whether the first `count` vowel slots of two shapes may be the same vowels. */
function slotsAgree(a: SoundShape, b: SoundShape, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const x = a.slots[i];
    const y = b.slots[i];
    if (x !== undefined && y !== undefined && ![...x].some((c) => y.includes(c))) return false;
  }
  return true;
}

/**
 * Whether two words sound alike: a shared key, and no vowel inside the word that tells them apart
 * (the final vowel is already in the key).
 */
export function soundsAgree(a: readonly SoundShape[], b: readonly SoundShape[]): boolean {
  return a.some((x) => b.some((y) => x.key === y.key && slotsAgree(x, y, x.slots.length - 1)));
}

/**
 * Whether a Latin word being typed may be the beginning of a word of these shapes: its consonants
 * begin the other's key, and the vowels typed between them agree.
 */
export function soundPrefixAgrees(typed: string, b: readonly SoundShape[]): boolean {
  const prefix = latinShapes(typed.replace(/[aeiouy]+$/, ''));
  return prefix.some((p) => {
    const skeleton = p.key.slice(0, p.key.indexOf(':'));
    return b.some((y) => y.key.startsWith(skeleton) && slotsAgree(p, y, p.slots.length - 1));
  });
}
