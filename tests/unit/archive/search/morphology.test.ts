// Hindi word forms through the engine: every form of ~250 lemmas found from the citation form,
// different words that share a beginning kept apart, and Lucene's own Hindi test pairs met
// (tests/morphology). The figures are printed; bench/morphology.measure.ts sets Lucene beside them.
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../archive/search/engine.ts';
import { DEFAULT_MORPHOLOGY, lemmaKeys } from '../../../../archive/search/morphology.ts';
import { foldWord } from '../../../../archive/search/normalize.ts';
import {
  engineFinds,
  keysFinds,
  lucenePairsFound,
  measureMorphology,
  morphologyReport,
  type Finds,
  type MorphologyScores,
} from '../../../morphology/measure.ts';
import { DIFFERENT_PAIRS, PARADIGMS } from '../../../morphology/paradigms.ts';

const NAMED_FORMS: [string, string[]][] = [
  ['खट्टा', ['खट्टी', 'खट्टे']],
  ['चौथा', ['चौथी', 'चौथे']],
  ['खाना', ['खा', 'खाता', 'खाती', 'खाएगा', 'खाया', 'खाकर', 'खाइए']],
  ['जाना', ['जाएँगे', 'जायेंगे', 'गया', 'गई', 'जाकर']],
  ['रोना', ['रो', 'रोया', 'रोएगा']],
  ['सोना', ['सो', 'सोया', 'सोएंगे']],
  ['देना', ['दिया', 'दीजिए', 'देगा', 'दूंगा']],
  ['लेना', ['लिया', 'लेंगे', 'लीजिए']],
  ['पीना', ['पी', 'पिया', 'पिएगा']],
  ['जाँचना', ['जाँची', 'जांची', 'जाँचीं']],
  ['भोगना', ['भोगी']],
  ['पीटना', ['पीटी', 'पीटके']],
  ['पढ़ना', ['पढ़कर', 'पढ़िए', 'पढ़िये', 'पढ़नेवाला', 'पढ़ने वाला', 'पढ़ाना', 'पढ़ाया']],
  ['करना', ['किया', 'कीजिए', 'करवाना', 'करवाया']],
  ['लड़का', ['लड़की', 'लड़के', 'लड़कों', 'लड़कियों']],
];

const KEPT_APART: [string, string][] = [
  ['प्रदेश', 'प्रदेशीय'],
  ['शासन', 'शासनीय'],
  ['भारत', 'भारतीय'],
  ['सच्चा', 'सच्चाई'],
  ['भला', 'भलाई'],
  ['सफल', 'सफलता'],
  ['व्यक्ति', 'व्यक्तित्व'],
  ['पागल', 'पागलपन'],
  ['कान', 'काना'],
  ['पैन', 'पैना'],
  ['मात', 'माता'],
  ['पाना', 'पानी'],
  ['कहना', 'कहानी'],
  ['हिंदी', 'हिंदू'],
  ['जितना', 'जीतना'],
  ['दो', 'दें'],
];

const SPELLINGS: [string, string][] = [
  ['अंगरेजी', 'अंग्रेजी'],
  ['अँगरेज़ी', 'अंग्रेजी'],
  ['गये', 'गए'],
  ['नयी', 'नई'],
  ['जायेंगे', 'जाएँगे'],
  ['जायें', 'जाएँ'],
  ['लिये', 'लिए'],
];

let finds: Finds;
let ours: MorphologyScores;

beforeAll(() => {
  finds = engineFinds([...NAMED_FORMS.flat(2), ...KEPT_APART.flat(), ...SPELLINGS.flat()]);
  ours = measureMorphology(finds);
  console.log(morphologyReport('Press Archive engine', ours));
});

describe('the test set', () => {
  it('has at least 200 lemmas of every class with full paradigms, and 450 pairs of different words', () => {
    expect(PARADIGMS.length).toBeGreaterThanOrEqual(200);
    for (const wordClass of ['noun', 'adjective', 'verb'] as const) {
      expect(PARADIGMS.filter((p) => p.wordClass === wordClass).length).toBeGreaterThanOrEqual(40);
    }
    for (const p of PARADIGMS) expect(p.forms.length, p.lemma).toBeGreaterThanOrEqual(p.wordClass === 'verb' ? 12 : 2);
    expect(DIFFERENT_PAIRS.length).toBe(450);
    expect(new Set(DIFFERENT_PAIRS.map((p) => p.join(':'))).size).toBeGreaterThan(440);
  });
});

describe('recall by paradigm, through the engine', () => {
  it('finds ≥ 95% of the forms per lemma, and ≥ 90% in every word class', () => {
    expect(ours.recall).toBeGreaterThanOrEqual(0.95);
    expect(ours.byClass.noun).toBeGreaterThanOrEqual(0.9);
    expect(ours.byClass.adjective).toBeGreaterThanOrEqual(0.9);
    expect(ours.byClass.verb).toBeGreaterThanOrEqual(0.9);
    for (const [kind, k] of ours.byKind) expect(k.recall, kind).toBeGreaterThanOrEqual(0.9);
  });

  it('verbs whose root is not in the table are found by their endings (all but the bare root)', () => {
    expect(ours.unlistedVerbs.count).toBeGreaterThanOrEqual(5);
    expect(ours.unlistedVerbs.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the forms that were missed before: feminine, short roots, conjunctive, agentive', () => {
    for (const [query, forms] of NAMED_FORMS)
      for (const form of forms) expect(finds(query, form), `${query} → ${form}`).toBe(true);
  });
});

describe('different words stay apart', () => {
  it('false conflation on prefix-sharing pairs is at most 5%', () => {
    expect(ours.falseConflation).toBeLessThanOrEqual(0.05);
  });

  it('derivational endings and short stems do not join their base', () => {
    for (const [a, b] of KEPT_APART) {
      expect(finds(a, b), `${a} ≁ ${b}`).toBe(false);
      expect(finds(b, a), `${b} ≁ ${a}`).toBe(false);
    }
  });
});

describe("Lucene's Hindi test pairs", () => {
  it('meets ≥ 95% of them; what it misses it misses on purpose', () => {
    expect(lucenePairsFound(ours)).toBeGreaterThanOrEqual(0.95);
    const missed = [...ours.luceneStemmer.missed, ...ours.luceneNormalizer.missed].map((p) => p.join('~'));
    // कठिनाई is a word of its own (-ाई); ॉ is written ा in Hindi (डॉक्टर / डाक्टर), not ो; and
    // आ, ऐ, औ are not short vowels' spellings (है is not हे).
    expect(missed).toEqual(['कठिनाइयां~कठिन', 'ॅॆॉॊऍऎऑऒॲ~ेेोोएएओओअ', 'आईऊॠॡऐऔीूॄॣैौ~अइउऋऌएओिुृॢेो']);
  });

  it('virama-dropped spellings meet (अंगरेजी = अंग्रेजी), as do ये/ए and यें/एँ', () => {
    for (const [a, b] of SPELLINGS) {
      expect(finds(a, b), `${a} = ${b}`).toBe(true);
      expect(finds(b, a), `${b} = ${a}`).toBe(true);
    }
  });
});

describe('masculine and feminine, decided by measurement', () => {
  it('kept apart, adjectives and Lucene pairs fall below the thresholds; joined, false conflation stays low', () => {
    const apart = measureMorphology(keysFinds({ ...DEFAULT_MORPHOLOGY, genders: false }));
    console.log(morphologyReport('genders kept apart', apart).split('\n')[0]);
    expect(apart.byClass.adjective).toBeLessThan(0.9);
    expect(lucenePairsFound(apart)).toBeLessThan(0.95);
    expect(apart.falseConflation).toBeLessThan(ours.falseConflation);
  });

  it('the analysis chain alone judges every form and pair as the engine does', () => {
    const keys = measureMorphology(keysFinds(DEFAULT_MORPHOLOGY));
    expect(keys.lemmas.map((l) => l.missed)).toEqual(ours.lemmas.map((l) => l.missed));
    expect(keys.conflated).toEqual(ours.conflated);
  });

  it('an "exact phrase" finds only the form as written (spelling variants aside)', () => {
    const engine = new SearchEngine();
    const texts = ['खट्टा आम', 'खट्टी इमली', 'खट्टे अंगूर', 'लड़का आया', 'लड़की आई'];
    engine.putAll(
      texts.map((body, i) => ({ id: `d${i}`, title: '', body, tags: [], addedAt: '2025-01-01T00:00:00.000Z' })),
    );
    const ids = (query: string) => {
      const outcome = engine.search(query, { limit: 100 });
      if (!outcome.ok) throw new Error(outcome.error.code);
      return outcome.hits.map((h) => h.id).sort();
    };
    expect(ids('खट्टा')).toEqual(['d0', 'd1', 'd2']);
    expect(ids('"खट्टा"')).toEqual(['d0']);
    expect(ids('"खट्टी"')).toEqual(['d1']);
    expect(ids('लड़का')).toEqual(['d3', 'd4']);
    expect(ids('"लड़का"')).toEqual(['d3']);
    expect(ids('"लड़का आया"')).toEqual(['d3']);
  });
});

describe('lemma keys', () => {
  it('mark verbs and genders, so a verb form and a noun form of one stem stay apart', () => {
    const keys = (word: string) => lemmaKeys(foldWord(word));
    expect(keys('मिलेगा')).toEqual(['v:मिल']);
    expect(keys('मिलों')).not.toContain('v:मिल');
    expect(keys('खट्टी')).toContain('g:खटट');
    expect(keys('खट्टा')).toContain('g:खटट');
    expect(keys('काना')).not.toEqual(expect.arrayContaining(keys('कान')));
  });

  it('a stopword keeps only its verb lemmas', () => {
    expect(lemmaKeys('गया', DEFAULT_MORPHOLOGY, true)).toEqual(['v:जा']);
    expect(lemmaKeys('की', DEFAULT_MORPHOLOGY, true)).toEqual([]);
    expect(lemmaKeys('से', DEFAULT_MORPHOLOGY, true)).toEqual([]);
  });
});
