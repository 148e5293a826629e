// Hindi inflection by paradigm. A word gets the lemmas it may be a form of — the citation form of
// a noun or adjective (लड़कों → लड़का, लड़क; नदियों → नदी) and, marked "v:", the root of a verb
// (पढ़ेंगे, पढ़ा, पढ़कर → v:पढ़) — and two words are forms of one word when they share a lemma.
// A form that two paradigms share (मिलों: of मिल "mill" or of an -ा noun) simply gets both.
//
// Why lemmas and not a stripped stem: a stem cannot tell काना (one-eyed) from कान (ear) once the
// ा is gone, while their lemmas differ (काना, कान). Derivational endings (-ीय, -ाई, -ता, -त्व,
// -पन) make a word of their own; only -िता joins its base (पत्रकारिता ~ पत्रकार), which the
// labelled set shows readers want.
//
// A verb reading of an ending that nouns share (-ा, -े, -ी: चला / काना, the bare root चल / कान)
// is taken for roots of three letters or more, and for shorter ones only when verb-roots.ts lists
// them: a one- or two-letter stem is more often a noun.
import { foldVowelLength } from './normalize.ts';
import { IRREGULAR_FORMS, VERB_ROOTS } from './verb-roots.ts';

const LETTER = /[\u0904-\u0939\u0958-\u0961\u0972-\u097F]/g;

/** Letters (consonants and independent vowels) of a Devanagari string: marks do not count. */
export function letterCount(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

export interface MorphologyOptions {
  /** Masculine and feminine forms meet (खट्टा ~ खट्टी, लड़का ~ लड़की); see GENDERS_MEET. */
  genders: boolean;
  /** The oblique plural in -ों meets the feminine too (लड़कों ~ लड़की, but also अधिकारों ~ अधिकारी). */
  pluralGender: boolean;
  /** Fold long and short i/u in lemmas of MIN_LENGTH_FOLD_LETTERS letters or more. */
  foldLength: boolean;
}

/**
 * Measured on tests/morphology (bench/morphology.measure.ts prints all three settings): with
 * genders kept apart, adjectives lose their feminine forms (their recall falls to about a third)
 * and Lucene's own pairs (लड़का ~ लड़की) fall to 85%; joined, the different words that meet are
 * the few nouns whose feminine is another word (गोला / गोली, पत्ता / पत्ती).
 */
export const GENDERS_MEET = true;

/**
 * Whether the oblique plural in -ों meets the feminine too. Joined, Lucene's pairs reach 95%
 * (लड़कों ~ लड़की, from 91.7%) and false conflation rises from 2.0% to 4.4%: a consonant noun's
 * plural then meets the adjective or noun in -ी made from it (अधिकारों ~ अधिकारी, सरकारों ~ सरकारी).
 */
export const PLURAL_GENDER = true;

/**
 * Vowel length is folded only in lemmas of at least this many letters. In a longer word a long or
 * short i/u is a spelling habit (दिवाली / दीवाली); in a short one it is often all that tells two
 * words apart: दिन day / दीन poor, कुल all / कूल bank, मिल mill / मील mile, दिए given / दीये lamps.
 */
export const MIN_LENGTH_FOLD_LETTERS = 3;

const VERB = 'v:';
const GENDER = 'g:';
const VIRAMA = /\u094D/g;

type Strength = 'strong' | 'weak' | 'listed';

/** A causative (बना, दिखवा) of a listed root, and that root. */
function causativeBase(root: string): string | undefined {
  for (const ending of ['वा', 'ा']) {
    const base = root.slice(0, -ending.length);
    if (root.endsWith(ending) && VERB_ROOTS.has(base)) return base;
  }
  return undefined;
}

/** पि, छु, जि before a vowel (पिएगा, छुओ) are the roots पी, छू, जी. */
function lengthened(root: string): string {
  if (VERB_ROOTS.has(root)) return root;
  const long = root.replace(/ि$/, 'ी').replace(/ु$/, 'ू');
  return VERB_ROOTS.has(long) ? long : root;
}

/** Whether `root` may be a verb root, given how surely its ending is a verb's. */
function plausibleRoot(root: string, strength: Strength): boolean {
  if (root === '' || root.endsWith('\u094D')) return false;
  if (VERB_ROOTS.has(root) || causativeBase(root) !== undefined) return true;
  const letters = letterCount(root);
  return strength === 'strong' ? letters >= 2 : strength === 'weak' ? letters >= 3 : false;
}

const ENDS_IN_VOWEL = /[\u093E-\u094C\u0904-\u0914]$/;

// Subjunctive endings, which the future continues (करे-गा, करें-गे, करूं-गा, जाए-गा, खाऊं-गा).
const SUBJUNCTIVE = ['ें', 'े', 'ूं', 'ू', 'ों', 'ो', 'एं', 'ए', 'ऊं', 'ऊ', 'ओं', 'ओ'];
// Perfective (चला, चले, चली, चलीं; खाया, खाए, खाई, खाईं) and imperative/subjunctive forms.
const WEAK_AFTER_CONSONANT = ['ा', 'े', 'ी', 'ीं', 'ें', 'ो', 'ूं', 'ू'];
const WEAK_AFTER_VOWEL = ['या', 'ए', 'ई', 'ईं', 'एं', 'ओ', 'ऊं', 'ऊ'];
const FEMININE = new Set(['ी', 'ीं', 'ई', 'ईं']);
// Future stems of दे, ले that no rule gives (दूं-गा, लो-गे, दो-गे).
const FUTURE_BASES: ReadonlyMap<string, string> = new Map([
  ['दूं', 'दे'],
  ['लूं', 'ले'],
  ['दो', 'दे'],
  ['लो', 'ले'],
]);

export interface VerbReading {
  roots: string[];
  /** The ending is a verb's only (future, agentive): the word is no noun's form. */
  verbOnly: boolean;
}

/** The roots a word may be a verb form of. */
export function verbRoots(word: string, options: MorphologyOptions): VerbReading {
  const roots = new Set<string>();
  let sure = false;
  const take = (form: string, strength: Strength) => {
    const root = lengthened(form);
    if (!plausibleRoot(root, strength)) return;
    roots.add(root);
    if (strength === 'strong') sure = true;
  };
  const irregular = IRREGULAR_FORMS.get(word);
  if (irregular !== undefined) roots.add(irregular);
  if (VERB_ROOTS.has(word)) roots.add(word);

  const agentive = /^(.+)नेवाल(?:ा|े|ी|ों|ियों|ियां)$/.exec(word);
  if (agentive) take(agentive[1]!, 'strong');
  let verbOnly: boolean = agentive !== null && sure;

  const future = /^(.+?)(?:गा|गी|गे|गीं)$/.exec(word);
  if (future) {
    const base = future[1]!;
    const before = roots.size;
    // दे-गा, हो-गा, लें-गे: roots in -े, -ो take the future directly; दूं-गा, लो-गे are irregular.
    const plain = base.replace(/ं$/, '');
    if (VERB_ROOTS.has(plain) && /[ेो]$/.test(plain)) roots.add(plain);
    const irregularBase = IRREGULAR_FORMS.get(base) ?? FUTURE_BASES.get(base);
    if (irregularBase !== undefined) roots.add(irregularBase);
    if (roots.size > before) sure = true;
    for (const ending of SUBJUNCTIVE) if (base.endsWith(ending)) take(base.slice(0, -ending.length), 'strong');
    const polite = /^(.+)िए$/.exec(base); // पढ़िएगा
    if (polite) take(polite[1]!, 'strong');
    verbOnly = sure;
  }

  const strong: [RegExp, Strength][] = [
    [/^(.+)कर$/, 'strong'], // पढ़कर, खाकर
    [/^(.+)के$/, 'weak'], // पढ़के, पीटके (a short stem is more often a noun's oblique: लड़के)
    [/^(.+)(?:ना|ने)$/, 'strong'], // पढ़ना, पढ़ने
    [/^(.+)(?:ता|ते|ती|तीं)$/, 'strong'], // पढ़ता, पढ़ती
    [/^(.+)िए$/, 'weak'], // पढ़िए (पढ़िये is folded to it; पहिए, लिए are not verbs)
  ];
  for (const [pattern, strength] of strong) {
    const match = pattern.exec(word);
    if (match) take(match[1]!, strength);
  }
  // करनी है; only for listed roots, as most words in -नी are nouns (पानी, रानी, कहानी).
  const feminineInfinitive = /^(.+)नी$/.exec(word);
  const feminineRoot = feminineInfinitive?.[1];
  if (feminineRoot !== undefined && VERB_ROOTS.has(feminineRoot) && letterCount(feminineRoot) >= 2) {
    take(feminineRoot, 'strong');
  }
  const vowelImperative = /^(.*[\u093E-\u094C\u0904-\u0914])इए$/.exec(word); // खाइए, आइए
  if (vowelImperative) take(vowelImperative[1]!, 'strong');

  // After a sure verb ending (पढ़ना, पढ़ता) a perfective reading (पढ़न-ा) needs a listed root:
  // जीता is जी-ता and जीत-ा, जाना is जा-ना and जान-ा.
  for (const ending of verbOnly ? [] : [...WEAK_AFTER_CONSONANT, ...WEAK_AFTER_VOWEL]) {
    if (!word.endsWith(ending)) continue;
    const root = word.slice(0, -ending.length);
    const afterVowel = WEAK_AFTER_VOWEL.includes(ending);
    if (afterVowel !== ENDS_IN_VOWEL.test(root)) continue;
    if (!afterVowel && /[\u093E-\u094C]य$/.test(root)) continue; // बताया is बता-या, not बताय-ा
    take(root, sure || (FEMININE.has(ending) && !options.genders) ? 'listed' : 'weak');
  }
  // A causative joins its base (बनाना ~ बनना), but not in -ाई, mostly a noun (पढ़ाई, लड़ाई).
  for (const root of /ाईं?$/.test(word) ? [] : [...roots]) {
    const base = causativeBase(root);
    if (base !== undefined) roots.add(base);
  }
  return { roots: [...roots], verbOnly };
}

/** May a feminine in -ी have a masculine in -ा? Not पानी / पाना, रानी / राना: two short letters ending in न. */
function hasMasculine(stem: string): boolean {
  const letters = letterCount(stem);
  return letters >= 3 || (letters === 2 && !stem.endsWith('न'));
}

/** The nouns and adjectives (citation forms) a word may be a form of. */
export function nominalLemmas(word: string, options: MorphologyOptions): string[] {
  const lemmas = new Set<string>();
  // Masculine and feminine meet through a key of their own, g:stem, which the -ा, -े and -ी
  // forms have and the plural in -ों does not: हाथों (hands) is no form of हाथी (elephant).
  const gender = (stem: string) => {
    if (options.genders && hasMasculine(stem)) lemmas.add(GENDER + stem);
  };
  const feminine = (stem: string) => {
    lemmas.add(stem + 'ी');
    gender(stem);
  };
  // A stem of one letter is no stem: दो and दें, रो and रे are not forms of द, र.
  const ending = (suffix: string) =>
    word.endsWith(suffix) && letterCount(word.slice(0, -suffix.length)) >= 2
      ? word.slice(0, -suffix.length)
      : undefined;
  // … but नया, नए, नई have the one-letter stem न.
  const yaEnding = (suffix: string) =>
    word.endsWith(suffix) && word.length > suffix.length ? word.slice(0, -suffix.length) : undefined;
  let stem: string | undefined;
  if ((stem = ending('ियां') ?? ending('ियों')) !== undefined) feminine(stem);
  else if ((stem = ending('इयां') ?? ending('इयों')) !== undefined && ENDS_IN_VOWEL.test(stem)) lemmas.add(stem + 'ई');
  else if ((stem = ending('ुओं') ?? ending('ुएं') ?? ending('ुआं')) !== undefined) lemmas.add(stem + 'ू');
  else if ((stem = ending('ाओं') ?? ending('ाएं')) !== undefined) {
    // Only a feminine (or unchanging) noun in -ा has this plural; a longer one is often the
    // feminine of a noun without it: छात्राओं ~ छात्र (not माताओं ~ मात).
    lemmas.add(stem + 'ा');
    if (options.genders && letterCount(stem) >= 3) lemmas.add(stem);
  } else if ((stem = ending('ों')) !== undefined) {
    lemmas.add(stem).add(stem + 'ा');
    if (options.pluralGender) gender(stem);
  } else if ((stem = ending('ियो')) !== undefined)
    lemmas.add(stem + 'ी').add(word); // vocative: भाइयो, बहनो
  else if ((stem = ending('ुओ')) !== undefined) lemmas.add(stem + 'ू').add(word);
  else if ((stem = ending('ाओ')) !== undefined) lemmas.add(stem + 'ा').add(word);
  else if ((stem = ending('ो')) !== undefined)
    lemmas
      .add(stem)
      .add(stem + 'ा')
      .add(word);
  else if ((stem = ending('ें')) !== undefined) lemmas.add(stem);
  else if ((stem = ending('े')) !== undefined) {
    lemmas.add(stem + 'ा');
    gender(stem);
  } else if ((stem = ending('िया')) !== undefined)
    lemmas.add(word).add(stem + 'ी'); // चिड़िया ~ चिड़ियां
  else if ((stem = ending('ीं')) !== undefined) feminine(stem);
  else if ((stem = ending('ी')) !== undefined) feminine(stem);
  else if ((stem = ending('ि')) !== undefined) lemmas.add(stem + 'ी');
  else if ((stem = ending('ु') ?? ending('ू')) !== undefined) lemmas.add(stem + 'ू');
  else if ((stem = yaEnding('ए')) !== undefined && !/ि$/.test(stem))
    lemmas.add(stem + 'या').add(word); // नए ~ नया
  else if ((stem = yaEnding('ई') ?? yaEnding('ईं')) !== undefined) {
    lemmas.add(stem + 'ई');
    if (options.genders && !/[ािीुूेैोौ]$/.test(stem)) lemmas.add(stem + 'या'); // नई ~ नया (not भाई)
  } else {
    lemmas.add(word);
    const masculine = ending('ा');
    if (masculine !== undefined) gender(masculine);
  }
  const base = ending('िता'); // पत्रकारिता ~ पत्रकार
  if (base !== undefined && letterCount(base) >= 3) lemmas.add(base);
  return [...lemmas];
}

/** A lemma as a key: vowel length folded in longer lemmas, virama left out (अंग्रेजी = अंगरेजी). */
function asKey(lemma: string, options: MorphologyOptions): string {
  const folded = options.foldLength && lengthFolds(lemma) ? foldVowelLength(lemma) : lemma;
  return folded.replace(VIRAMA, '');
}

/**
 * Whether a lemma is long enough for vowel length to be a spelling habit. The letters of an
 * ending do not count (जितना "as much" / जीतना "to win" are two-letter words with -ना), nor the
 * stem-final letter of a gender key.
 */
function lengthFolds(lemma: string): boolean {
  if (lemma.startsWith(GENDER)) return letterCount(lemma) > MIN_LENGTH_FOLD_LETTERS;
  return letterCount(lemma.replace(/(?:ना|ने|नी|ता|ते|ती)$/, '')) >= MIN_LENGTH_FOLD_LETTERS;
}

export const DEFAULT_MORPHOLOGY: MorphologyOptions = {
  genders: GENDERS_MEET,
  pluralGender: PLURAL_GENDER,
  foldLength: true,
};

/**
 * The lemma keys of one folded Devanagari word, sorted. A stopword keeps only its verb lemmas, so
 * that पढ़ना finds पढ़ा (rarely a stopword) and जाना finds गया, while की, से, पर stay unexpanded.
 */
export function lemmaKeys(word: string, options: MorphologyOptions = DEFAULT_MORPHOLOGY, stop = false): string[] {
  if (!/[\u0900-\u097F]/.test(word)) return [];
  const keys = new Set<string>();
  const verb = verbRoots(word, options);
  if (!stop && !verb.verbOnly) for (const lemma of nominalLemmas(word, options)) keys.add(asKey(lemma, options));
  for (const root of verb.roots) keys.add(VERB + asKey(root, options));
  return [...keys].sort();
}

/**
 * Whether a query word finds the other forms of its lemmas. Not the short irregular forms (दिए,
 * दी, ली, हुए): each is also another word or spelling (दिये "lamps"), so only the citation form
 * (देना) finds them, and they find their own spellings.
 */
export function expandsAsQuery(folded: string): boolean {
  return !IRREGULAR_FORMS.has(folded);
}

/** Whether a key is a verb's (the others are nouns' and adjectives'). */
export function isVerbKey(key: string): boolean {
  return key.startsWith(VERB);
}
