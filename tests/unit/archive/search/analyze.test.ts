// Each step of the analysis chain on its own: tokenizer, folds, stemmer, sound keys, acronyms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acronymInDevanagari } from '../../../../archive/search/acronym.ts';
import { LEVEL, shapesOf, stemKey, wordKeys } from '../../../../archive/search/analyze.ts';
import { compileWord, levelFor } from '../../../../archive/search/matcher.ts';
import {
  asciiDigits,
  chandrabinduToAnusvara,
  dropMedialVisarga,
  exactForm,
  foldLoanwordVowels,
  foldVowelLength,
  foldWord,
  foldYaVowels,
  nasalToAnusvara,
  removeNukta,
} from '../../../../archive/search/normalize.ts';
import {
  latinKeys,
  latinVowelClasses,
  phoneticKeys,
  soundPrefixAgrees,
  soundsAgree,
} from '../../../../archive/search/phonetic.ts';
import { MIN_LENGTH_FOLD_LETTERS, letterCount } from '../../../../archive/search/morphology.ts';
import { termOf } from '../../../../archive/search/vocabulary.ts';
import { tokenize, words } from '../../../../archive/search/tokenize.ts';
import { hashOf, scanWords } from '../../../../archive/search/word-scan.ts';

/** The level at which query word `query` matches the document word `word` (-1: not at all). */
const levelOf = (query: string, word: string) =>
  levelFor(compileWord({ text: query, prefix: false, implicit: false }, 'stem-first'), termOf(wordKeys(word)));

describe('tokenize', () => {
  it('keeps vowel signs, virama, nukta and anusvara inside words', () => {
    expect(tokenize('हिंदी ममता प्रशांत क़ानून').map((t) => t.text)).toEqual(['हिंदी', 'ममता', 'प्रशांत', 'क़ानून']);
  });

  it('splits at danda, quotes, hyphens and brackets, also with no space after them', () => {
    expect(words('मिली है।इस “जन संवाद” कानून-व्यवस्था॥अंत (इसरो)')).toEqual([
      'मिली',
      'है',
      'इस',
      'जन',
      'संवाद',
      'कानून',
      'व्यवस्था',
      'अंत',
      'इसरो',
    ]);
  });

  it('keeps joiners inside a word and reports positions into the original text', () => {
    const text = 'कानपुर क्\u200Dष पुलिस';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['कानपुर', 'क्\u200Dष', 'पुलिस']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('normalization steps', () => {
  it('exactForm: NFC, lower case, invisible characters', () => {
    expect(exactForm('Delhi')).toBe('delhi');
    expect(exactForm('\u0915\u093C')).toBe('\u0915\u093C'.normalize('NFC'));
    expect(exactForm('क्\u200Dष\u00AD')).toBe('क्ष');
  });

  it('removeNukta: precomposed and combining nukta letters', () => {
    expect(removeNukta('क़ानून')).toBe('कानून');
    expect(removeNukta('\u0958ानून')).toBe('कानून');
    expect(removeNukta('ज़िला')).toBe('जिला');
    expect(removeNukta('पढ़ाई')).toBe('पढाई');
  });

  it('chandrabindu becomes anusvara', () => {
    expect(chandrabinduToAnusvara('आँख')).toBe('आंख');
  });

  it('every nasal consonant with virama before a consonant becomes anusvara', () => {
    expect(nasalToAnusvara('सम्पादक')).toBe('संपादक');
    expect(nasalToAnusvara('हिन्दी')).toBe('हिंदी');
    expect(nasalToAnusvara('ठण्डा')).toBe('ठंडा');
    expect(nasalToAnusvara('पङ्क्ति')).toBe('पंक्ति');
    expect(nasalToAnusvara('चञ्चल')).toBe('चंचल');
    // not before a vowel, not a non-nasal
    expect(nasalToAnusvara('न्')).toBe('न्');
    expect(nasalToAnusvara('सत्य')).toBe('सत्य');
  });

  it('loanword and chandra vowels', () => {
    expect(foldLoanwordVowels('डॉक्टर')).toBe('डाक्टर');
    expect(foldLoanwordVowels('ऑफिस')).toBe('आफिस');
    expect(foldLoanwordVowels('हॅलो')).toBe('हेलो');
  });

  it('a visarga inside a word, before a consonant, is dropped; at the end it stays', () => {
    expect(dropMedialVisarga('दुःख')).toBe('दुख');
    expect(dropMedialVisarga('अतः')).toBe('अतः');
  });

  it('ये / यी after a vowel at the end of a word are the vowels ए / ई', () => {
    expect(foldYaVowels('गये')).toBe('गए');
    expect(foldYaVowels('लिये')).toBe('लिए');
    expect(foldYaVowels('रुपये')).toBe('रुपए');
    expect(foldYaVowels('नयी')).toBe('नई');
    expect(foldYaVowels('गयीं')).toBe('गईं');
    expect(foldYaVowels('ये')).toBe('ये');
    expect(foldYaVowels('अन्ये')).toBe('अन्ये'); // य in a conjunct is a consonant
  });

  it('Devanagari digits become ASCII digits', () => {
    expect(asciiDigits('१९४७')).toBe('1947');
  });

  it('foldWord runs all of them; vowel length is folded only on stems', () => {
    expect(foldWord('क़ानून')).toBe(foldWord('कानून'));
    expect(foldWord('सम्पादक')).toBe(foldWord('संपादक'));
    expect(foldWord('डॉक्टर')).toBe(foldWord('डाक्टर'));
    expect(foldWord('Café')).toBe('cafe');
    expect(foldWord('दीवाली')).not.toBe(foldWord('दिवाली'));
    expect(foldVowelLength('दीवाली')).toBe(foldVowelLength('दिवाली'));
  });

  it('does not merge different words', () => {
    expect(foldWord('ममता')).not.toBe(foldWord('मता'));
    expect(foldWord('हिंदी')).not.toBe(foldWord('हिंदू'));
  });
});

describe('lemma keys (morphology.ts)', () => {
  /** Whether two words share a lemma key: forms of one word at the stemmed level. */
  const meet = (a: string, b: string) => {
    const keys = stemKey(foldWord(a)).split(' ');
    return stemKey(foldWord(b))
      .split(' ')
      .some((key) => key !== '' && keys.includes(key));
  };

  it('joins the forms of one word', () => {
    expect(meet('पत्रकारों', 'पत्रकार')).toBe(true);
    expect(meet('पत्रकारिता', 'पत्रकार')).toBe(true);
    expect(meet('करेंगे', 'करना')).toBe(true);
    expect(meet('सड़कें', 'सड़क')).toBe(true);
    expect(meet('नेताओं', 'नेता')).toBe(true);
  });

  it('keeps a word apart from the words derived from it, and short stems their last vowel', () => {
    expect(meet('भारतीय', 'भारत')).toBe(false);
    expect(meet('सच्चाई', 'सच्चा')).toBe(false);
    expect(meet('नेता', 'ने')).toBe(false);
    expect(meet('काना', 'कान')).toBe(false);
    expect(wordKeys('था').stem).toBeUndefined();
  });

  it('keeps the i or u of the ending, so हिंदी and हिंदू stay apart', () => {
    expect(meet('नदियों', 'नदी')).toBe(true);
    expect(meet('हिंदुओं', 'हिंदू')).toBe(true);
    expect(meet('हिंदी', 'हिंदू')).toBe(false);
  });

  it('leaves Latin words alone', () => {
    expect(stemKey('police')).toBe('');
  });

  it('stem first, then vowel length, so endings with ी still match (Lucene order loses them)', () => {
    const shared = (a: string, b: string, order: 'stem-first' | 'fold-first') =>
      stemKey(a, order)
        .split(' ')
        .some((key) => stemKey(b, order).split(' ').includes(key));
    expect(shared('मिलेंगी', 'मिलेगा', 'stem-first')).toBe(true);
    expect(shared('मिलेंगी', 'मिलेगा', 'fold-first')).toBe(false);
  });

  it('folds vowel length only in lemmas of three letters or more', () => {
    expect(MIN_LENGTH_FOLD_LETTERS).toBe(3);
    expect(meet('दीवाली', 'दिवाली')).toBe(true);
    expect(meet('परीक्षाओं', 'परिक्षा')).toBe(true);
    // Short words that vowel length alone tells apart.
    expect(letterCount('दीये')).toBe(2);
    expect(meet('दीये', 'दिए')).toBe(false);
    expect(meet('दीन', 'दिन')).toBe(false);
    expect(meet('मील', 'मिल')).toBe(false);
    expect(meet('कूल', 'कुल')).toBe(false);
    expect(levelOf('दिए', 'दीये')).toBe(-1);
    expect(levelOf('दिए', 'दिये')).toBe(LEVEL.folded);
    expect(levelOf('दिवाली', 'दीवाली')).toBe(LEVEL.stemmed);
  });

  it('a verb form and a noun form of the same stem do not match; other forms do', () => {
    expect(levelOf('मिलेगा', 'मिलों')).toBe(-1); // "will meet" is not "mills"
    expect(levelOf('मिलों', 'मिलेगा')).toBe(-1);
    expect(levelOf('मिलेगा', 'मिलेंगी')).toBe(LEVEL.stemmed);
    expect(levelOf('मिलेगा', 'मिलकर')).toBe(LEVEL.stemmed);
    expect(levelOf('मिलेगा', 'मिल')).toBe(LEVEL.stemmed);
    expect(levelOf('मिलों', 'मिल')).toBe(LEVEL.stemmed);
    expect(levelOf('किसानों', 'किसान')).toBe(LEVEL.stemmed);
    expect(levelOf('पढ़ेंगे', 'पढ़ने')).toBe(LEVEL.stemmed);
  });

  it('a stopword has no lemma of its own as a query, but as a document word keeps its verb lemma', () => {
    expect(levelOf('गया', 'जाएगा')).toBe(-1);
    expect(levelOf('जाना', 'गया')).toBe(LEVEL.stemmed);
  });
});

describe('sound keys', () => {
  // A shared key and vowels inside the word that agree (what the matcher asks).
  const alike = (latin: string, other: string) => {
    const shared = latinKeys(latin).some((k) => phoneticKeys(foldWord(other, { keepNukta: true })).includes(k));
    return shared && soundsAgree(shapesOf(latin), shapesOf(other));
  };
  const same = (latin: string, devanagari: string) =>
    expect(alike(latin, devanagari), `${latin} ~ ${devanagari}`).toBe(true);

  it('a Latin spelling meets the Devanagari word', () => {
    same('delhi', 'दिल्ली');
    same('kanpur', 'कानपुर');
    same('hindi', 'हिंदी');
    same('hindi', 'हिन्दी');
    same('rajesh', 'राजेश');
    same('sharma', 'शर्मा');
    same('lucknow', 'लखनऊ');
    same('mumbai', 'मुंबई');
    same('patna', 'पटना');
    same('yogi', 'योगी');
    same('adityanath', 'आदित्यनाथ');
    same('krishna', 'कृष्ण');
    same('champaran', 'चम्पारण');
    same('singh', 'सिंह');
    same('digital', 'डिजिटल');
    same('sadak', 'सड़क');
    same('chandigarh', 'चंडीगढ़');
    same('gyan', 'ज्ञान');
    same('isro', 'इसरो');
    same('ram', 'राम');
    same('rama', 'राम');
    same('dilli', 'दिल्ली');
    same('meerut', 'मेरठ');
    same('haryana', 'हरियाणा');
    same('verma', 'वर्मा');
    same('mamta', 'ममता');
    same('deepak', 'दीपक');
    same('dipak', 'दीपक');
    same('pooja', 'पूजा');
    same('puja', 'पूजा');
    same('suraj', 'सूरज');
    same('vrindavan', 'वृंदावन');
    same('amritsar', 'अमृतसर');
    same('dehradun', 'देहरादून');
    same('indore', 'इंदौर');
    // English loanwords as Hindi writes them.
    same('police', 'पुलिस');
    same('doctor', 'डॉक्टर');
    same('doctor', 'डाक्टर');
    same('college', 'कॉलेज');
    same('office', 'ऑफिस');
    same('cable', 'केबल');
    same('bank', 'बैंक');
    same('manager', 'मैनेजर');
    same('bus', 'बस');
    same('first', 'फर्स्ट');
    same('court', 'कोर्ट');
    same('greater', 'ग्रेटर');
    same('mobile', 'मोबाइल');
  });

  it('keeps apart what sounds different', () => {
    const differ = (latin: string, other: string) => expect(alike(latin, other), `${latin} ≁ ${other}`).toBe(false);
    differ('hindi', 'हिंदू');
    differ('delhi', 'दल');
    differ('kanpur', 'कानून');
    // The same consonants, but a/aa is never u/oo: राम is not रूम (room), nor the other way.
    differ('ram', 'रूम');
    differ('raam', 'रूम');
    differ('room', 'राम');
    differ('rum', 'राम');
    differ('pal', 'पुल');
    differ('mil', 'मेल');
    differ('ram', 'room'); // Latin words among themselves
    same('delhi', 'dilli');
  });

  it('a Latin vowel stands for some classes only; a and aa are never u or oo', () => {
    for (const v of ['a', 'aa']) expect(latinVowelClasses(v)).not.toMatch(/U/);
    for (const v of ['u', 'oo', 'uu']) expect(latinVowelClasses(v)).not.toMatch(/A/);
    expect(latinVowelClasses('')).toBe('0');
    expect(latinVowelClasses('aa')).toBe('A');
    expect(latinVowelClasses('oo')).toBe('U');
    expect(latinVowelClasses('iou')).toBeUndefined(); // no usual reading: any vowel
  });

  it("the vowels inside a word decide, the final one is the key's", () => {
    expect(phoneticKeys('राम')).toEqual(phoneticKeys('रूम'));
    expect(soundsAgree(shapesOf('ram'), shapesOf('राम'))).toBe(true);
    expect(soundsAgree(shapesOf('ram'), shapesOf('रूम'))).toBe(false);
    // A vowel between doubled letters leaves the slot open (दादा, "dada" → d).
    expect(soundsAgree(shapesOf('dada'), shapesOf('दादा'))).toBe(true);
  });

  it('a Latin word being typed: the vowels typed so far must agree', () => {
    expect(soundPrefixAgrees('ram', shapesOf('रामपुर'))).toBe(true);
    expect(soundPrefixAgrees('kanp', shapesOf('कानपुर'))).toBe(true);
    expect(soundPrefixAgrees('ram', shapesOf('रूम'))).toBe(false);
    expect(soundPrefixAgrees('rum', shapesOf('रामपुर'))).toBe(false);
  });

  it('the matcher uses them: "ram" finds राम, not रूम, and राम finds "Ram", not "room"', () => {
    expect(levelOf('ram', 'राम')).toBe(LEVEL.sound);
    expect(levelOf('ram', 'रूम')).toBe(-1);
    expect(levelOf('राम', 'Ram')).toBe(LEVEL.sound);
    expect(levelOf('राम', 'room')).toBe(-1);
    expect(levelOf('kanpur', 'कानपुर')).toBe(LEVEL.sound);
  });

  it('stopwords and digits have no sound key', () => {
    expect(wordKeys('के').sounds).toEqual([]);
    expect(wordKeys('1947').sounds).toEqual([]);
  });
});

describe('acronyms', () => {
  it('spells Latin letters with their Hindi names', () => {
    expect(acronymInDevanagari('NDA')).toBe('एनडीए');
    expect(acronymInDevanagari('ATM')).toBe('एटीएम');
    expect(acronymInDevanagari('cctv')).toBe('सीसीटीवी');
    expect(acronymInDevanagari('UP')).toBe('यूपी');
    expect(acronymInDevanagari('delhi2')).toBeUndefined();
    expect(acronymInDevanagari('police')).toBeUndefined();
  });
});

describe('scanWords (the index fast path)', () => {
  it('finds exactly the words tokenize finds, with the hash of each', () => {
    const piece = fc.constantFrom(
      ...'कखगप रमनसहािीुूेैोौंँ़्ःअआ।॥-"a Z9९\u200D\u200C\u00AD'.split(''),
      '𝐀',
      '😀',
      '\uD800',
      '\uDC00',
      'क्ष',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (pieces) => {
        const text = pieces.join('');
        const found: string[] = [];
        scanWords(text, (start, end, hash) => {
          found.push(text.slice(start, end));
          expect(hash).toBe(hashOf(text.slice(start, end)));
        });
        expect(found).toEqual(words(text));
      }),
      { numRuns: 2000 },
    );
  });
});
