// A synthetic Hindi news corpus for the search benchmark: deterministic (clipping n is always the
// same text), generated one clipping at a time so no process has to hold all of it, and shaped like
// real clippings — function words, common news words with their inflections and spelling variants,
// names and places, numbers in both scripts, a few Latin words, and a long tail of rare words so the
// vocabulary keeps growing with the archive as real vocabularies do.
import type { SearchDoc } from '../../archive/api.ts';
import { random } from '../../tests/support/random.ts';

const FUNCTION_WORDS = `का की के को में से ने और है हैं पर कि भी यह इस एक लिए तो ही था थी थे गया गई गए किया कहा बताया
  उन्होंने वह ये वे जो तक साथ बाद अब कर रहा रही रहे होगा होगी नहीं सभी कई अपने अपनी इसके उनके जिससे जबकि लेकिन या`
  .split(/\s+/)
  .filter(Boolean);

// News words, most frequent first; a word with "/" has spelling variants (the first is usual).
// Words cluster by topic as in real news (a crime report says पुलिस many times, a budget report
// not once), so a topic word is in a share of the clippings, not in all of them.
const wordList = (text: string) =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.split('/'));

const GENERAL = wordList(`सरकार शहर लोग दिन साल मामला काम समय जिला/ज़िला प्रदेश देश राज्य अधिकारी विभाग योजना
  जानकारी बैठक कार्यक्रम परिवार गांव/गाँव नगर समस्या सुविधा सेवा केंद्र/केन्द्र समिति प्रशासन संख्या
  जनता नागरिक महिला युवा बच्चे समाज खबर/ख़बर रिपोर्ट सूचना निर्णय प्रयास विकास`);

const TOPICS = [
  // crime
  wordList(`पुलिस अपराध आरोपी गिरफ्तार थाना चोरी हत्या लूट ठगी साइबर जांच/जाँच आरोप मुकदमा/मुक़दमा कार्रवाई
    सीसीटीवी कैमरा फुटेज बरामद गिरोह तस्कर शिकायत एफआईआर`),
  // politics
  wordList(`चुनाव नेता पार्टी दल विधायक सांसद मंत्री मुख्यमंत्री विधानसभा संसद मतदान मतदाता उम्मीदवार
    रैली गठबंधन विपक्ष सत्ता प्रचार घोषणापत्र टिकट सीट`),
  // health
  wordList(`अस्पताल डॉक्टर/डाक्टर मरीज इलाज स्वास्थ्य दवा ऑपरेशन/आपरेशन बीमारी टीका वैक्सीन नर्स
    एंबुलेंस/एम्बुलेंस जांच/जाँच बुखार संक्रमण`),
  // education
  wordList(`स्कूल कॉलेज/कालेज छात्र शिक्षक परीक्षा परिणाम विश्वविद्यालय प्रवेश दाखिला पढ़ाई किताब
    छात्रवृत्ति कक्षा प्रधानाचार्य शिक्षा`),
  // economy
  wordList(`बजट करोड़ लाख रुपये/रुपए कीमत बाजार/बाज़ार व्यापार उद्योग कंपनी कर्मचारी वेतन महंगाई/मँहगाई
    बैंक ऋण कर्ज/क़र्ज़ टैक्स आयकर निवेश शेयर`),
  // weather and disasters
  wordList(`बारिश बाढ़ पानी मौसम तापमान गर्मी सर्दी ठंड नदी गंगा यमुना जलस्तर तूफान/तूफ़ान सूखा
    राहत बचाव आपदा`),
  // roads, transport, development
  wordList(`सड़क यातायात दुर्घटना हादसा पुल फ्लाईओवर निर्माण परियोजना रेल ट्रेन स्टेशन बस मेट्रो
    उड़ान यात्री यात्रा जाम`),
  // courts and law
  wordList(`अदालत न्यायालय कानून/क़ानून फैसला/फ़ैसला सुनवाई याचिका न्याय वकील जमानत/ज़मानत
    न्यायाधीश सजा/सज़ा`),
  // culture and religion
  wordList(`मंदिर मस्जिद धर्म संस्कृति कला साहित्य कवि भाषा हिंदी/हिन्दी उत्सव त्योहार दिवाली/दीवाली होली
    मेला पूजा श्रद्धालु`),
  // farming
  wordList(`किसान फसल गेहूं/गेहूँ धान गन्ना खेत सिंचाई खाद बीज मंडी समर्थन मूल्य`),
  // sport
  wordList(`खेल खिलाड़ी मैच टीम जीत हार क्रिकेट फुटबॉल/फ़ुटबॉल ओलंपिक पदक कप्तान टूर्नामेंट`),
  // press and media
  wordList(`पत्रकार संपादक/सम्पादक अखबार/अख़बार प्रेस मीडिया पत्रकारिता चैनल रिपोर्टर`),
  // environment
  wordList(`प्रदूषण पर्यावरण पेड़ जंगल वन्यजीव कचरा सफाई/सफ़ाई हवा धुआं/धुआँ`),
  // jobs
  wordList(`बेरोजगारी/बेरोज़गारी रोजगार/रोज़गार नौकरी भर्ती आवेदन साक्षात्कार पद`),
];

const VERBS = `कह बता कर दे ले जा आ मिल बन रख चल पहुंच/पहुँच बढ़ घट शुरू खुल बंद लग हो देख सुन समझ सोच पूछ मांग/माँग
  भेज बचा उठा गिर मार पकड़ छोड़ जीत हार खेल पढ़ लिख सीख बदल`
  .split(/\s+/)
  .filter(Boolean)
  .map((w) => w.split('/'));

const VERB_ENDINGS = ['ा', 'ी', 'े', 'ना', 'ने', 'ता', 'ती', 'ते', 'ेगा', 'ेगी', 'ेंगे', 'कर', 'ाया', 'ाई', 'ाए'];
const NOUN_ENDINGS = ['', '', '', 'ों', 'ें', 'ी', 'े'];

const PLACES = `कानपुर लखनऊ दिल्ली पटना मुंबई वाराणसी प्रयागराज गोरखपुर आगरा मेरठ नोएडा गाजियाबाद/ग़ाज़ियाबाद
  बरेली अलीगढ़ झांसी अयोध्या मथुरा भोपाल इंदौर जयपुर जोधपुर रांची धनबाद देहरादून शिमला चंडीगढ़ अमृतसर
  लुधियाना कोलकाता हैदराबाद बेंगलुरु चेन्नई अहमदाबाद सूरत नागपुर रायपुर बिलासपुर`
  .split(/\s+/)
  .filter(Boolean)
  .map((w) => w.split('/'));

const FIRST_NAMES = `राजेश सुरेश रमेश महेश दिनेश मुकेश अनिल सुनील प्रशांत अखिल असीम अमित सुमित राहुल विकास
  प्रियंका सुनीता अनीता पूजा नेहा रीना सीमा ममता कविता आरती दीपक संजय विजय अजय मनोज`
  .split(/\s+/)
  .filter(Boolean);
const LAST_NAMES = `शर्मा वर्मा गुप्ता सिंह यादव मिश्रा तिवारी पांडेय/पाण्डेय श्रीवास्तव कुमार अरुण चौहान राठौर जैन
  अग्रवाल त्रिपाठी दुबे शुक्ला पाठक`
  .split(/\s+/)
  .filter(Boolean)
  .map((w) => w.split('/'));

const LATIN = `police CCTV GST NDA ATM Delhi Metro online app smart city digital report update`.split(/\s+/);

export const PUBLICATIONS =
  `दैनिक जागरण|अमर उजाला|हिंदुस्तान|दैनिक भास्कर|नवभारत टाइम्स|प्रभात खबर|जनसत्ता|राजस्थान पत्रिका|नई दुनिया|पंजाब केसरी|हरिभूमि|स्वदेश`.split(
    '|',
  );
const TAGS =
  `राजनीति|अपराध|शिक्षा|स्वास्थ्य|खेल|मौसम|बाढ़|चुनाव|किसान|अर्थव्यवस्था|पर्यावरण|संस्कृति|धर्म|यातायात|रेल|पुलिस|अदालत|महिला सुरक्षा|साइबर ठगी|रोज़गार|विकास|प्रदूषण|त्योहार|इतिहास`.split(
    '|',
  );

const CONSONANTS = 'कखगघचछजझटठडढतथदधनपफबभमयरलवशसह'.split('');
const SIGNS = ['', 'ा', 'ि', 'ी', 'ु', 'ू', 'े', 'ै', 'ो', 'ौ', 'ं', 'ा', ''];

/** Rare word number n of the long tail (names, places, terms seldom seen). */
function rareWord(n: number): string {
  const r = random(n * 7919 + 17);
  const syllables = 2 + Math.floor(r() * 3);
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += CONSONANTS[Math.floor(r() * CONSONANTS.length)]! + SIGNS[Math.floor(r() * SIGNS.length)]!;
  }
  return word;
}

const LONG_TAIL = 400_000;

/** A rank from 0 to n - 1, small ranks far more likely (roughly Zipf's law). */
function zipf(r: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(r() * Math.log(n + 1))) - 1);
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function variant(r: () => number, forms: readonly string[]): string {
  return forms.length > 1 && r() < 0.3 ? forms[1 + Math.floor(r() * (forms.length - 1))]! : forms[0]!;
}

function number(r: () => number): string {
  const n = String(Math.floor(Math.exp(r() * Math.log(100000))));
  return r() < 0.4 ? n.replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d))) : n;
}

function word(r: () => number, topics: readonly (readonly string[][])[]): string {
  const x = r();
  if (x < 0.4) return pick(r, FUNCTION_WORDS);
  if (x < 0.72) {
    const y = r();
    const list = y < 0.35 ? GENERAL : y < 0.85 ? topics[0]! : topics[1]!;
    return variant(r, list[zipf(r, list.length)]!) + pick(r, NOUN_ENDINGS);
  }
  if (x < 0.8) return variant(r, pick(r, VERBS)) + pick(r, VERB_ENDINGS);
  if (x < 0.86) return variant(r, pick(r, PLACES));
  if (x < 0.9) return `${pick(r, FIRST_NAMES)} ${variant(r, pick(r, LAST_NAMES))}`;
  if (x < 0.94) return number(r);
  if (x < 0.955) return pick(r, LATIN);
  return rareWord(zipf(r, LONG_TAIL));
}

function sentence(r: () => number, count: number, topics: readonly (readonly string[][])[]): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(word(r, topics));
  return parts.join(' ');
}

/** Clipping number n (0-based): ~350 words in paragraphs, with publication, place, tags and date. */
export function syntheticClipping(n: number): SearchDoc {
  const r = random(n + 1);
  const topics = [pick(r, TOPICS), pick(r, TOPICS)];
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 350) {
    const sentences: string[] = [];
    for (let s = 0; s < 4 && words < 350; s++) {
      const length = 8 + Math.floor(r() * 10);
      sentences.push(sentence(r, length, topics) + '।');
      words += length;
    }
    paragraphs.push(sentences.join(' '));
  }
  const year = 2000 + Math.floor(r() * 26);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const date =
    r() < 0.1
      ? String(year)
      : `${year}-${String(month).padStart(2, '0')}${r() < 0.1 ? '' : `-${String(day).padStart(2, '0')}`}`;
  return {
    id: `c${String(n).padStart(7, '0')}`,
    title: sentence(r, 6 + Math.floor(r() * 5), topics),
    body: paragraphs.join('\n'),
    publication: pick(r, PUBLICATIONS),
    place: variant(r, pick(r, PLACES)),
    tags: [pick(r, TAGS), ...(r() < 0.5 ? [pick(r, TAGS)] : [])],
    date,
    addedAt: new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString(),
  };
}

/** Every clipping from 0 to count - 1, made one at a time. */
export function* syntheticCorpus(count: number): Generator<SearchDoc> {
  for (let n = 0; n < count; n++) yield syntheticClipping(n);
}

/** Queries of one to three words drawn like a person would: common news words, places, names. */
export function syntheticQueries(count: number, seed = 99): string[] {
  const r = random(seed);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(r() * 3);
    const topic = r() < 0.3 ? GENERAL : pick(r, TOPICS);
    const words: string[] = [];
    for (let w = 0; w < length; w++) {
      const x = r();
      if (x < 0.55) words.push(pick(r, topic)[0]!);
      else if (x < 0.75) words.push(pick(r, PLACES)[0]!);
      else if (x < 0.9) words.push(pick(r, FIRST_NAMES));
      else words.push(pick(r, VERBS)[0]! + pick(r, VERB_ENDINGS));
    }
    queries.push(words.join(' '));
  }
  return queries;
}
