// The labelled queries over clippings.ts: for each, the clippings a person searching so wants
// (expected: all of them, in any order) and some that look alike but are wrong (forbidden).
// Recall = expected found / expected; precision = expected found / (expected + forbidden) found.
export type Category =
  | 'exact'
  | 'variant spelling'
  | 'inflection'
  | 'latin name'
  | 'acronym'
  | 'digits'
  | 'phrase'
  | 'field'
  | 'date'
  | 'operators'
  | 'look-alike';

export interface LabelledQuery {
  query: string;
  category: Category;
  expected: string[];
  forbidden: string[];
  /** The clipping that must come first (ranking), when one clearly should. */
  first?: string;
}

const KANPUR = ['seed', 'h02', 'h10', 'h18', 'h21', 'h39', 'h45'];
const DELHI = ['h07', 'h12', 'h13', 'h19', 'h29'];
const LUCKNOW = ['h01', 'h04', 'h14', 'h46'];
const PATNA = ['h03', 'h09', 'h16', 'h27', 'h43'];

export const QUERIES: LabelledQuery[] = [
  // Words as written.
  { query: 'कानपुर', category: 'exact', expected: KANPUR, forbidden: ['h27', 'h22'] },
  { query: 'किरायेदार', category: 'exact', expected: ['h03'], forbidden: [] },
  { query: 'बिजली', category: 'exact', expected: ['h20'], forbidden: [] },
  { query: 'गंगा', category: 'exact', expected: ['h14', 'h27'], forbidden: [] },
  { query: 'डिजिटल', category: 'exact', expected: ['seed', 'h11', 'h44'], forbidden: [] },
  { query: 'housing', category: 'exact', expected: ['h45'], forbidden: [] },
  { query: 'सीसीटीवी', category: 'exact', expected: ['seed', 'h18', 'h42'], forbidden: [] },
  { query: 'भारत का अंतरिक्ष कार्यक्रम', category: 'exact', expected: ['h28'], forbidden: [] },

  // The same word spelled differently.
  { query: 'संपादक', category: 'variant spelling', expected: ['h01', 'h02'], forbidden: [], first: 'h01' },
  { query: 'सम्पादक', category: 'variant spelling', expected: ['h01', 'h02'], forbidden: [], first: 'h02' },
  { query: 'कानून', category: 'variant spelling', expected: ['seed', 'h03', 'h04'], forbidden: [], first: 'h04' },
  { query: 'क़ानून', category: 'variant spelling', expected: ['seed', 'h03', 'h04'], forbidden: [], first: 'h03' },
  { query: 'आंख', category: 'variant spelling', expected: ['h05', 'h06'], forbidden: [], first: 'h06' },
  { query: 'आँख', category: 'variant spelling', expected: ['h05', 'h06'], forbidden: [] },
  { query: 'डाक्टर', category: 'variant spelling', expected: ['h05', 'h06', 'h07'], forbidden: [] },
  { query: 'डॉक्टर', category: 'variant spelling', expected: ['h05', 'h06', 'h07'], forbidden: [] },
  { query: 'हिंदी', category: 'variant spelling', expected: ['h08', 'h09'], forbidden: ['h14'], first: 'h09' },
  { query: 'हिन्दी', category: 'variant spelling', expected: ['h08', 'h09'], forbidden: ['h14'], first: 'h08' },
  { query: 'दिवाली', category: 'variant spelling', expected: ['h14', 'h15'], forbidden: [], first: 'h15' },
  { query: 'दीवाली', category: 'variant spelling', expected: ['h14', 'h15'], forbidden: [] },
  { query: 'दुख', category: 'variant spelling', expected: ['h32', 'h33'], forbidden: [], first: 'h33' },
  { query: 'दुःख', category: 'variant spelling', expected: ['h32', 'h33'], forbidden: [], first: 'h32' },
  {
    query: 'ज़िला',
    category: 'variant spelling',
    expected: ['h05', 'h20', 'h34', 'h35', 'h39', 'h43'],
    forbidden: [],
    first: 'h34',
  },
  { query: 'कालेज', category: 'variant spelling', expected: ['h21', 'h36', 'h37', 'h49'], forbidden: [], first: 'h37' },
  { query: 'कॉलेज', category: 'variant spelling', expected: ['h21', 'h36', 'h37', 'h49'], forbidden: [] },
  { query: 'रुपए', category: 'variant spelling', expected: ['h17', 'h24', 'h25', 'h31', 'h44'], forbidden: [] },
  { query: 'दिए', category: 'variant spelling', expected: ['h12', 'h46'], forbidden: ['h14'] }, // दीये: lamps
  { query: 'मुजफ्फरनगर', category: 'variant spelling', expected: ['h23'], forbidden: [] },

  // Inflected forms.
  { query: 'पत्रकार', category: 'inflection', expected: ['h01', 'h10', 'h11'], forbidden: ['h02'] },
  { query: 'पत्रकारों', category: 'inflection', expected: ['h01', 'h10', 'h11'], forbidden: ['h02'], first: 'h10' },
  { query: 'पत्रकारिता', category: 'inflection', expected: ['h01', 'h10', 'h11'], forbidden: [], first: 'h11' },
  { query: 'किसान', category: 'inflection', expected: ['h23', 'h24'], forbidden: [] },
  { query: 'किसानों', category: 'inflection', expected: ['h23', 'h24'], forbidden: [] },
  { query: 'छात्र', category: 'inflection', expected: ['h09', 'h21', 'h36', 'h37', 'h48', 'h49'], forbidden: [] },
  { query: 'नेता', category: 'inflection', expected: ['h16', 'h23', 'h38'], forbidden: ['h39', 'h10', 'h02'] },
  { query: 'कवि', category: 'inflection', expected: ['h08'], forbidden: [] },
  { query: 'सड़क', category: 'inflection', expected: ['h02', 'h33'], forbidden: [] },
  { query: 'बाढ़', category: 'inflection', expected: ['h27', 'h43'], forbidden: [] },
  { query: 'पढ़ेंगे', category: 'inflection', expected: ['h49', 'h08'], forbidden: [] },
  { query: 'मिलेगा', category: 'inflection', expected: ['h49', 'seed', 'h14', 'h29', 'h32'], forbidden: ['h23'] }, // मिलों: mills
  // बेटे (sons): masculine and feminine forms meet, measured in tests/morphology (morphology.ts).
  { query: 'बेटी', category: 'inflection', expected: ['h49', 'h33'], forbidden: [] },
  { query: 'साइकिल', category: 'inflection', expected: ['h49'], forbidden: [] },

  // Names and words typed in Latin letters.
  { query: 'kanpur', category: 'latin name', expected: KANPUR, forbidden: ['h22'] },
  { query: 'delhi', category: 'latin name', expected: DELHI, forbidden: ['h16', 'h22'] },
  { query: 'दिल्ली', category: 'latin name', expected: DELHI, forbidden: ['h16', 'h22'] },
  { query: 'lucknow', category: 'latin name', expected: LUCKNOW, forbidden: [] },
  { query: 'patna', category: 'latin name', expected: PATNA, forbidden: [] },
  { query: 'mumbai', category: 'latin name', expected: ['h26', 'h31'], forbidden: [] },
  { query: 'varanasi', category: 'latin name', expected: ['h05', 'h24', 'h48'], forbidden: [] },
  { query: 'gorakhpur', category: 'latin name', expected: ['h06', 'h25'], forbidden: [] },
  { query: 'rajesh sharma', category: 'latin name', expected: ['h01'], forbidden: ['h47', 'h48'] },
  { query: 'rajesh', category: 'latin name', expected: ['h01', 'h47'], forbidden: [] },
  { query: 'yogi adityanath', category: 'latin name', expected: ['h25'], forbidden: [] },
  { query: 'priyanka gandhi', category: 'latin name', expected: ['h30'], forbidden: [] },
  { query: 'modi', category: 'latin name', expected: ['h24'], forbidden: [] },
  { query: 'hindi', category: 'latin name', expected: ['h08', 'h09'], forbidden: ['h14'] },
  { query: 'ganga', category: 'latin name', expected: ['h14', 'h27'], forbidden: [] },
  { query: 'digital', category: 'latin name', expected: ['seed', 'h11', 'h44'], forbidden: [] },
  { query: 'metro', category: 'latin name', expected: ['h13'], forbidden: [] },
  { query: 'मेट्रो', category: 'latin name', expected: ['h13'], forbidden: [] },
  { query: 'sadak', category: 'latin name', expected: ['h02', 'h33'], forbidden: [] },
  { query: 'ram', category: 'latin name', expected: ['h41'], forbidden: ['h42', 'h18'] }, // रूम: room
  { query: 'ram mandir', category: 'latin name', expected: ['h41'], forbidden: ['h42'] },

  // Acronyms.
  { query: 'NDA', category: 'acronym', expected: ['h16'], forbidden: [] },
  { query: 'एनडीए', category: 'acronym', expected: ['h16'], forbidden: [] },
  { query: 'ATM', category: 'acronym', expected: ['h17'], forbidden: [] },
  { query: 'CCTV', category: 'acronym', expected: ['seed', 'h18', 'h42'], forbidden: [] },
  { query: 'cctv', category: 'acronym', expected: ['seed', 'h18', 'h42'], forbidden: [] },
  { query: 'DGP', category: 'acronym', expected: ['seed'], forbidden: [] },
  { query: 'GST', category: 'acronym', expected: ['h29'], forbidden: [] },
  { query: 'UP board', category: 'acronym', expected: ['h40'], forbidden: [] },
  { query: 'ISRO', category: 'acronym', expected: ['h28'], forbidden: [] },

  // Digits in either script.
  { query: '1947', category: 'digits', expected: ['h19', 'h20'], forbidden: [] },
  { query: '१९४७', category: 'digits', expected: ['h19', 'h20'], forbidden: [] },
  { query: '500', category: 'digits', expected: ['h18'], forbidden: [] },
  { query: '४२', category: 'digits', expected: ['h17'], forbidden: [] },

  // Phrases.
  { query: '"जन संवाद"', category: 'phrase', expected: ['seed'], forbidden: [] },
  { query: '"मिशन शक्ति"', category: 'phrase', expected: ['seed', 'h21'], forbidden: ['h22'] },
  { query: '"उत्तर प्रदेश"', category: 'phrase', expected: ['seed', 'h04'], forbidden: ['h20', 'h35'] },
  { query: '"कानून व्यवस्था"', category: 'phrase', expected: ['seed', 'h04'], forbidden: ['h03'] },
  { query: '"हिंदी माध्यम"', category: 'phrase', expected: ['h09'], forbidden: ['h08'] },

  // Fields.
  { query: 'title:पुलिस', category: 'field', expected: ['h39'], forbidden: ['seed', 'h17', 'h21'] },
  {
    query: 'publication:"अमर उजाला"',
    category: 'field',
    expected: ['h02', 'h05', 'h08', 'h15', 'h18', 'h23', 'h30', 'h34', 'h40', 'h46'],
    forbidden: ['h01', 'h03'],
  },
  { query: 'place:पटना', category: 'field', expected: PATNA, forbidden: [] },
  { query: 'tag:स्वास्थ्य', category: 'field', expected: ['h05', 'h06', 'h07', 'h34'], forbidden: [] },
  { query: 'author:शर्मा', category: 'field', expected: ['h01'], forbidden: ['h48'] },
  { query: 'शीर्षक:किसान', category: 'field', expected: ['h23', 'h24'], forbidden: [] },
  {
    query: 'place:kanpur',
    category: 'field',
    expected: ['h02', 'h10', 'h18', 'h21', 'h39', 'h45'],
    forbidden: ['seed'],
  },

  // Dates.
  { query: 'date:2022', category: 'date', expected: ['h19', 'h48'], forbidden: ['h20'] },
  {
    query: 'date:2023-01..2023-06',
    category: 'date',
    expected: ['h20', 'h32', 'h35', 'h42', 'h46'],
    forbidden: ['h36', 'h02'],
  },
  { query: 'चुनाव date:2024', category: 'date', expected: ['h16', 'h22', 'h30'], forbidden: ['h35'] },
  { query: 'अपराध date:2024-07..', category: 'date', expected: ['h17', 'h18', 'h44'], forbidden: ['h39', 'h04'] },

  // Operators.
  { query: 'कानपुर OR लखनऊ', category: 'operators', expected: [...KANPUR, ...LUCKNOW], forbidden: ['h27'] },
  { query: 'पुलिस -कानपुर', category: 'operators', expected: ['h17', 'h42', 'h44'], forbidden: ['seed', 'h21', 'h39'] },
  { query: 'कमिश्न*', category: 'operators', expected: ['seed'], forbidden: [] },
  { query: 'पत्रकार*', category: 'operators', expected: ['h01', 'h10', 'h11'], forbidden: [] },
  { query: 'स्वास्थ्य -"ऑपरेशन"', category: 'operators', expected: ['h07', 'h34'], forbidden: ['h05', 'h06'] },

  // Look-alikes that must not match.
  { query: 'हिंदू', category: 'look-alike', expected: ['h14'], forbidden: ['h08', 'h09'] },
  { query: 'दल', category: 'look-alike', expected: ['h16', 'h22'], forbidden: ['h07', 'h12'] },
  { query: 'शक्ति', category: 'look-alike', expected: ['seed', 'h21', 'h22'], forbidden: [] },
];
