// Hindi lemmas with their full paradigms, by word class, and pairs of different words that share a
// beginning. Written for this project (the paradigm tables follow standard Hindi grammar; the words
// are common news and everyday words). Each paradigm lists the citation form first; a form of two
// words ("पढ़ने वाला") is a phrase a clipping holds.
//
// Used by tests/unit/archive/search/morphology.test.ts and bench/morphology.measure.ts: the citation form
// is searched against clippings that each hold one other form (recall), and each word of a pair
// against a clipping holding the other (false conflation).

export type WordClass = 'noun' | 'adjective' | 'verb';

export interface Paradigm {
  lemma: string;
  wordClass: WordClass;
  /** A short label of the paradigm (masculine -ा noun, verb with a vowel root, …). */
  kind: string;
  /** Every form, the citation form first. */
  forms: string[];
}

const list = (text: string) => text.split(/\s+/).filter(Boolean);

function paradigms(kind: string, wordClass: WordClass, stems: string, make: (stem: string) => string[]): Paradigm[] {
  return list(stems).map((stem) => {
    const forms = [...new Set(make(stem))];
    return { lemma: forms[0]!, wordClass, kind, forms };
  });
}

// Nouns: direct singular, direct plural, oblique singular, oblique plural, vocative plural.
const NOUNS: Paradigm[] = [
  ...paradigms(
    'masculine -ा noun',
    'noun',
    `लड़क बेट कमर घोड़ कपड़ पैस रास्त दरवाज़ बच्च चश्म जूत तोत हिस्स मौक इलाक झंड ताल बकर भतीज सितार
     नक्श धमाक तमाश मेल लोट कुत्त गधा भांज`,
    (s) => (s.endsWith('ा') ? [s, s.slice(0, -1) + 'े', s.slice(0, -1) + 'ों'] : [s + 'ा', s + 'े', s + 'ों', s + 'ो']),
  ),
  ...paradigms(
    'masculine consonant noun',
    'noun',
    `किसान घर दोस्त मकान शहर गांव देश अखबार बाज़ार पेड़ हाथ पहाड़ विभाग मज़दूर पत्रकार अपराध चुनाव
     त्योहार सवाल जवाब अस्पताल मंदिर`,
    (s) => [s, s + 'ों', s + 'ो'],
  ),
  ...paradigms('masculine -ी/-ि/-ू noun', 'noun', 'आदमी माली हाथी अधिकारी व्यापारी सिपाही मंत्री', (s) => [
    s,
    s.slice(0, -1) + 'ियों',
    s.slice(0, -1) + 'ियो',
  ]),
  ...paradigms('masculine -ि noun', 'noun', 'कवि मुनि ऋषि', (s) => [s, s + 'यों']),
  ...paradigms('masculine -ू/-ु noun', 'noun', 'आलू डाकू साधु गुरु भालू', (s) => [
    s,
    s.slice(0, -1) + 'ुओं',
    s.slice(0, -1) + 'ुओ',
  ]),
  ...paradigms('masculine -ा noun that does not change', 'noun', 'नेता पिता राजा दादा चाचा मामा योद्धा देवता', (s) => [
    s,
    s + 'ओं',
    s + 'ओ',
  ]),
  ...paradigms(
    'feminine -ी noun',
    'noun',
    `लड़की नदी गाड़ी रोटी चिट्ठी खिड़की कुर्सी टोपी थाली बेटी बकरी घड़ी सब्ज़ी पार्टी समिति तिथि
     नीति जाति शक्ति स्थिति`,
    (s) => {
      const stem = s.slice(0, -1);
      return [s, stem + 'ियां', stem + 'ियों', stem + 'ियाँ'];
    },
  ),
  ...paradigms(
    'feminine consonant noun',
    'noun',
    `किताब सड़क बात रात आंख मेज़ दीवार बहन औरत कलम दुकान सरकार खबर तस्वीर जेब भैंस चीज़ लहर फसल
     मशीन बस`,
    (s) => [s, s + 'ें', s + 'ों', s + 'ो'],
  ),
  ...paradigms('feminine -ा noun', 'noun', 'माता भाषा कविता सेना दिशा परीक्षा यात्रा घटना योजना सभा', (s) => [
    s,
    s + 'एं',
    s + 'ओं',
    s + 'एँ',
  ]),
  ...paradigms('feminine -इया noun', 'noun', 'चिड़िया गुड़िया डिबिया बुढ़िया', (s) => {
    const stem = s.slice(0, -3);
    return [s, stem + 'ियां', stem + 'ियों'];
  }),
  ...paradigms('feminine -ू noun', 'noun', 'बहू वस्तु', (s) => [s, s.slice(0, -1) + 'ुएं', s.slice(0, -1) + 'ुओं']),
];

// Adjectives that agree: masculine singular, masculine plural or oblique, feminine.
const ADJECTIVES: Paradigm[] = [
  ...paradigms(
    '-ा adjective',
    'adjective',
    `खट्ट मीठ बड़ छोट अच्छ बुर मोट पतल लंब ऊंच नीच गहर हल्क ताज़ चौड़ सीध टेढ़ गील सूख ठंड
     कड़व पक्क कच्च सच्च झूठ पूर आध तीख फीक चौथ पांचव छठ सातव पहल दूसर तीसर गंद सुनहर`,
    (s) => [s + 'ा', s + 'े', s + 'ी', s + 'ीं'],
  ),
  ...paradigms('-या adjective', 'adjective', 'न', (s) => [s + 'या', s + 'ये', s + 'ए', s + 'ई', s + 'यी']),
  ...paradigms('-ना adjective', 'adjective', 'पुरान सयान दीवान', (s) => [s + 'ा', s + 'े', s + 'ी']),
];

function consonantVerb(r: string, causative: string | undefined): string[] {
  const forms = [
    r + 'ना',
    r + 'ने',
    r + 'नी',
    // imperfective
    r + 'ता',
    r + 'ते',
    r + 'ती',
    r + 'तीं',
    // perfective
    r + 'ा',
    r + 'े',
    r + 'ी',
    r + 'ीं',
    // future
    r + 'ूंगा',
    r + 'ूँगी',
    r + 'ेगा',
    r + 'ेगी',
    r + 'ेंगे',
    r + 'ेंगी',
    r + 'ोगे',
    r + 'ोगी',
    // subjunctive and imperative
    r + 'ूं',
    r + 'ें',
    r + 'ो',
    r,
    r + 'िए',
    r + 'िये',
    r + 'िएगा',
    // conjunctive, agentive
    r + 'कर',
    r + 'के',
    r + 'नेवाला',
    r + 'ने वाला',
    r + 'ने वाली',
    r + 'नेवाले',
  ];
  if (causative !== undefined) forms.push(causative + 'ना', causative + 'या', causative + 'ता', causative + 'एगा');
  return forms;
}

// A vowel root takes -या, -ए, -ई in the perfective and -ऊं, -ए, -एं in the subjunctive.
function vowelVerb(r: string): string[] {
  return [
    r + 'ना',
    r + 'ने',
    r + 'ता',
    r + 'ते',
    r + 'ती',
    r + 'तीं',
    r + 'या',
    r + 'ए',
    r + 'ये',
    r + 'ई',
    r + 'यी',
    r + 'ईं',
    r + 'ऊंगा',
    r + 'ऊँगी',
    r + 'एगा',
    r + 'येगा',
    r + 'एगी',
    r + 'एंगे',
    r + 'एँगे',
    r + 'येंगे',
    r + 'ओगे',
    r + 'ऊं',
    r + 'एं',
    r + 'ओ',
    r,
    r + 'इए',
    r + 'इये',
    r + 'कर',
    r + 'के',
    r + 'नेवाला',
    r + 'ने वाले',
  ];
}

const REGULAR_VERBS = `पढ़ लिख देख सुन चल बोल खेल रख बैठ उठ सोच समझ बदल निकल पहुंच जांच भोग पीट मार काट छोड़ पकड़
  जीत हार भेज बेच पूछ खोल दौड़ गिर मिल बन रुक लौट जाग भाग मांग लड़ डर बच रह कह मान जान तोड़ जोड़
  पहन सीख धकेल पुकार संभाल सुलग फिसल उबाल`;

// Causatives that follow the rule (-ा-, -वा- on the root).
const CAUSATIVES: Record<string, string> = {
  पढ़: 'पढ़ा',
  लिख: 'लिखवा',
  सुन: 'सुना',
  चल: 'चला',
  बन: 'बना',
  उठ: 'उठा',
  मिल: 'मिला',
  जाग: 'जगा',
  कट: 'कटवा',
  बैठ: 'बिठा',
  समझ: 'समझा',
};

const VERBS: Paradigm[] = [
  ...paradigms('verb with a consonant root', 'verb', REGULAR_VERBS, (r) =>
    consonantVerb(r, CAUSATIVES[r] === 'जगा' || CAUSATIVES[r] === 'बिठा' ? undefined : CAUSATIVES[r]),
  ),
  ...paradigms('verb with a vowel root', 'verb', 'खा आ पा गा ला बता बुला कमा नहा सो रो धो', vowelVerb),
  {
    lemma: 'जाना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list(
      'जाना जाने जाता जाते जाती गया गए गई गयी गईं जाऊंगा जाएगा जायेगा जाएगी जाएंगे जाएँगे जायेंगे जाओगे जाएं जाओ जा जाइए जाइये जाकर जाके जानेवाला',
    ),
  },
  {
    lemma: 'देना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list('देना देने देता देते देती दिया दिए दिये दी दीं दूंगा दूँगी देगा देगी देंगे दोगे दें दो दे दीजिए दीजिये देकर देनेवाला'),
  },
  {
    lemma: 'लेना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list('लेना लेने लेता लेते लेती लिया ली लीं लूंगा लूँगी लेगा लेगी लेंगे लोगे लें लो ले लीजिए लीजिये लेकर लेनेवाला'),
  },
  {
    lemma: 'पीना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list('पीना पीने पीता पीते पीती पिया पिए पिये पी पीं पिऊंगा पिएगा पीएगा पिएंगे पिओ पियो पीजिए पीकर पीनेवाला'),
  },
  {
    lemma: 'करना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list(
      'करना करने करता करते करती किया किए किये कीं करूंगा करेगा करेगी करेंगे करोगे करें करो कर कीजिए करिए करिये करके करकर करनेवाला',
    ),
  },
  {
    lemma: 'होना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list('होना होने होता होते होती हुआ हुए हुई हुईं होऊंगा होगा होगी होंगे होओगे हों हो होइए होकर होनेवाला'),
  },
  {
    lemma: 'छूना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list('छूना छूने छूता छूती छुआ छुए छुई छूएगा छुएंगे छुओ छूकर छूनेवाला'),
  },
  {
    lemma: 'जीना',
    wordClass: 'verb',
    kind: 'short root with irregular forms',
    forms: list('जीना जीने जीता जीते जीती जिया जिए जिएगा जिएंगे जियो जीकर जीनेवाला'),
  },
];

export const PARADIGMS: readonly Paradigm[] = [...NOUNS, ...ADJECTIVES, ...VERBS];

/**
 * Different words that share a beginning (or a base and a word derived from it). None of them is
 * a form of the other; a search for one finding the other is a false conflation.
 */
const HAND_PAIRS = `
  काना:कान पैना:पैन माता:मात कमरा:कमर पहला:पहल सोना:सोन बाजा:बाज
  प्रदेशीय:प्रदेश शासनीय:शासन भारतीय:भारत राष्ट्रीय:राष्ट्र केंद्रीय:केंद्र मानवीय:मानव स्थानीय:स्थान राजकीय:राज
  सच्चाई:सच्चा भलाई:भला कठिनाई:कठिन ऊंचाई:ऊंचा गहराई:गहरा लंबाई:लंबा चौड़ाई:चौड़ा सफाई:साफ बुराई:बुरा अच्छाई:अच्छा मिठाई:मीठा
  सफलता:सफल मानवता:मानव एकता:एक समानता:समान सुंदरता:सुंदर स्वतंत्रता:स्वतंत्र गंभीरता:गंभीर कठोरता:कठोर विशेषता:विशेष
  मित्रता:मित्र प्रभुता:प्रभु नम्रता:नम्र मूर्खता:मूर्ख जनता:जन समता:सम
  व्यक्तित्व:व्यक्ति नेतृत्व:नेता महत्व:महत देवत्व:देव स्वामित्व:स्वामी अपनत्व:अपना
  बचपन:बच्चा लड़कपन:लड़का पागलपन:पागल अकेलापन:अकेला भोलापन:भोला कालापन:काला बड़प्पन:बड़ा
  हिंदी:हिंदू हिंदी:हिंद दिन:दीन मिल:मील कुल:कूल सुख:सूख पानी:पाना रानी:राना कहानी:कहना जवानी:जवान
  पढ़ाई:पढ़ा लड़ाई:लड़का मिलन:मिलना चलन:चलना जलन:जलना लेखक:लेख पाठक:पाठ
  गोला:गोली पत्ता:पत्ती माला:माली डिब्बा:डिब्बी टोपा:टोपी रस्सा:रस्सी
  नेता:नेत्र सेना:सेन कविता:कवि किसान:किस शहर:शह देश:दे कलम:कल भारत:भार विश्वास:विश्व सरकार:सरका
  माल:माला ताल:ताला काल:काला जाल:जाला गाल:गाला बाल:बाला खाल:खाली नाल:नाली थाल:थाली टोल:टोली गोल:गोली
  जितना:जीतना अरबों:अरबी परतों:प्रतियां यात्रा:यात्री राजा:राजी पहिए:पहना
  अधिकारों:अधिकारी सरकारों:सरकारी हाथों:हाथी किसानों:किसानी विदेशों:विदेशी शहरों:शहरी बीमारों:बीमारी देशों:देशी
  तार:तारा धार:धारा चार:चारा दम:दमा कम:कमा गम:गमला
`;

// Words of different lemmas in the set that begin with the same two characters: the citation
// forms first, then each other form of one with the citation form of the other. Left out: a
// masculine and a feminine noun of one stem (लड़का / लड़की), which the test reports on its own.
function derivedPairs(limit: number): [string, string][] {
  const byStart = new Map<string, Paradigm[]>();
  for (const p of PARADIGMS) {
    const start = [...p.lemma].slice(0, 2).join('');
    byStart.set(start, [...(byStart.get(start) ?? []), p]);
  }
  const lemmaPairs: [Paradigm, Paradigm][] = [];
  for (const group of byStart.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (!genderCounterparts(group[i]!.lemma, group[j]!.lemma)) lemmaPairs.push([group[i]!, group[j]!]);
      }
    }
  }
  const pairs: [string, string][] = lemmaPairs
    .filter(([a, b]) => !a.forms.includes(b.lemma) && !b.forms.includes(a.lemma))
    .map(([a, b]) => [a.lemma, b.lemma]);
  const single = (forms: string[]) => forms.filter((f) => !f.includes(' '));
  for (let n = 1; pairs.length < limit && n < 40; n++) {
    for (const [a, b] of lemmaPairs) {
      // a form both paradigms have (जाना: "to go" and "knew") is no pair of different words
      const formA = single(a.forms)[n];
      const formB = single(b.forms)[n];
      if (formA !== undefined && !b.forms.includes(formA)) pairs.push([formA, b.lemma]);
      if (formB !== undefined && !a.forms.includes(formB)) pairs.push([formB, a.lemma]);
    }
  }
  return pairs.slice(0, limit);
}

/** लड़का and लड़की, बेटा and बेटी: one stem in -ा and in -ी. */
export function genderCounterparts(a: string, b: string): boolean {
  return (
    a.slice(0, -1) === b.slice(0, -1) && new Set([a.at(-1), b.at(-1)]).size === 2 && /[ाी]$/.test(a) && /[ाी]$/.test(b)
  );
}

/** Masculine and feminine nouns of one stem in the set: joined when genders meet. */
export const GENDER_NOUN_PAIRS: readonly [string, string][] = PARADIGMS.filter((p) => p.wordClass === 'noun').flatMap(
  (a) =>
    PARADIGMS.filter((b) => b.wordClass === 'noun' && a.lemma < b.lemma && genderCounterparts(a.lemma, b.lemma)).map(
      (b) => [a.lemma, b.lemma] as [string, string],
    ),
);

const HAND: [string, string][] = list(HAND_PAIRS).map((pair) => pair.split(':') as [string, string]);

export const DIFFERENT_PAIRS: readonly [string, string][] = [...HAND, ...derivedPairs(450 - HAND.length)];
