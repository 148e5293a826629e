// The word pairs of Lucene's own Hindi tests, as data: TestHindiStemmer.java and
// TestHindiNormalizer.java in apache/lucene, lucene/analysis/common/src/test/org/apache/lucene/
// analysis/hi/ (Apache License 2.0). Each check there gives an input and what Lucene makes of it;
// the inputs with the same result are forms (or spellings) of one word.
//
// The pairs measured: every two inputs of one result, and, where a result has one input, that
// input with the result (which is then a spelling of its own: फ़र्ज़ / फरज).

/** Lucene stemmer checks: input → stem. */
export const LUCENE_STEMMER_CHECKS: readonly [string, string][] = [
  ['लडका', 'लडक'],
  ['लडके', 'लडक'],
  ['लडकों', 'लडक'],
  ['गुरु', 'गुर'],
  ['गुरुओं', 'गुर'],
  ['दोस्त', 'दोस्त'],
  ['दोस्तों', 'दोस्त'],
  ['लडकी', 'लडक'],
  ['लडकियों', 'लडक'],
  ['किताब', 'किताब'],
  ['किताबें', 'किताब'],
  ['किताबों', 'किताब'],
  ['आध्यापीका', 'आध्यापीक'],
  ['आध्यापीकाएं', 'आध्यापीक'],
  ['आध्यापीकाओं', 'आध्यापीक'],
  ['खाना', 'खा'],
  ['खाता', 'खा'],
  ['खाती', 'खा'],
  ['खा', 'खा'],
  ['कठिनाइयां', 'कठिन'],
  ['कठिन', 'कठिन'],
];

/** Lucene normalizer checks: input → normalized spelling. */
export const LUCENE_NORMALIZER_CHECKS: readonly [string, string][] = [
  ['अँगरेज़ी', 'अंगरेजि'],
  ['अँगरेजी', 'अंगरेजि'],
  ['अँग्रेज़ी', 'अंगरेजि'],
  ['अँग्रेजी', 'अंगरेजि'],
  ['अंगरेज़ी', 'अंगरेजि'],
  ['अंगरेजी', 'अंगरेजि'],
  ['अंग्रेज़ी', 'अंगरेजि'],
  ['अंग्रेजी', 'अंगरेजि'],
  ['क़िताब', 'किताब'],
  ['फ़र्ज़', 'फरज'],
  ['क़र्ज़', 'करज'],
  ['ऱऴख़ग़ड़ढ़य़', 'रळखगडढय'],
  ['शार्\u200Dमा', 'शारमा'],
  ['शार्\u200Cमा', 'शारमा'],
  ['ॅॆॉॊऍऎऑऒ\u0972', 'ेेोोएएओओअ'],
  ['आईऊॠॡऐऔीूॄॣैौ', 'अइउऋऌएओिुृॢेो'],
];

function pairsOf(checks: readonly [string, string][]): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const [input, output] of checks) groups.set(output, [...(groups.get(output) ?? []), input]);
  const pairs: [string, string][] = [];
  for (const [output, inputs] of groups) {
    if (inputs.length === 1) pairs.push([inputs[0]!, output]);
    for (let i = 0; i < inputs.length; i++)
      for (let j = i + 1; j < inputs.length; j++) pairs.push([inputs[i]!, inputs[j]!]);
  }
  return pairs;
}

export const LUCENE_STEMMER_PAIRS = pairsOf(LUCENE_STEMMER_CHECKS);
export const LUCENE_NORMALIZER_PAIRS = pairsOf(LUCENE_NORMALIZER_CHECKS);
