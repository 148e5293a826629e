// What the Hindi folding already forgives of the errors OCR typically makes. Each row puts a
// clipping whose text has the OCR's misreading into a real search engine, searches for the word as
// the archivist would type it, and records whether the clipping is found and at which level of the
// analysis chain (analyze.ts) the two forms meet. The table is the coverage report: a change to the
// folding that gains or loses a confusion shows up here.
import { describe, expect, it } from 'vitest';
import { wordKeys, stemKeysOf } from '../../../../archive/search/analyze.ts';
import { SearchEngine } from '../../../../archive/search/engine.ts';

type Meets = 'exact' | 'folded' | 'stemmed' | 'other' | 'not found';

interface Confusion {
  kind: string;
  /** The word as printed, which the archivist types. */
  typed: string;
  /** The word as OCR read it, which is stored in the clipping. */
  ocr: string;
  meets: Meets;
}

const ZWJ = '\u200D';
const ZWNJ = '\u200C';

export const CONFUSIONS: Confusion[] = [
  { kind: 'nukta dropped (ज़ → ज)', typed: 'ज़रूरी', ocr: 'जरूरी', meets: 'folded' },
  { kind: 'nukta dropped (ड़ → ड)', typed: 'सड़क', ocr: 'सडक', meets: 'folded' },
  { kind: 'nukta dropped (फ़ → फ)', typed: 'फ़ैसला', ocr: 'फैसला', meets: 'folded' },
  { kind: 'nukta added (ज → ज़)', typed: 'जंगल', ocr: 'ज़ंगल', meets: 'folded' },
  { kind: 'chandrabindu read as anusvara (ँ → ं)', typed: 'पहुँचे', ocr: 'पहुंचे', meets: 'folded' },
  { kind: 'anusvara read as chandrabindu (ं → ँ)', typed: 'हिंदी', ocr: 'हिँदी', meets: 'folded' },
  { kind: 'anusvara dropped (ं → ∅)', typed: 'पहुंचे', ocr: 'पहुचे', meets: 'not found' },
  { kind: 'half nasal for anusvara (न्द / ंद)', typed: 'हिंदी', ocr: 'हिन्दी', meets: 'folded' },
  { kind: 'short i for long ī (ी → ि), in the stem', typed: 'पुलिस', ocr: 'पुलीस', meets: 'stemmed' },
  { kind: 'long ī for short i (ि → ी), in the stem', typed: 'किताब', ocr: 'कीताब', meets: 'stemmed' },
  // Vowel length is folded in lemmas of three letters or more only: short words keep it.
  { kind: 'short i for long ī (ी → ि), short word', typed: 'नीति', ocr: 'निति', meets: 'not found' },
  { kind: 'short u for long ū (ू → ु), short word', typed: 'पूरा', ocr: 'पुरा', meets: 'not found' },
  { kind: 'short u for long ū (ू → ु), long word', typed: 'पूर्वानुमान', ocr: 'पुर्वानुमान', meets: 'stemmed' },
  { kind: 'long ū for short u (ु → ू)', typed: 'सुरक्षा', ocr: 'सूरक्षा', meets: 'stemmed' },
  { kind: 'eyelash ra with ZWJ (र्‍ → र्)', typed: 'पर्यटन', ocr: `पर्${ZWJ}यटन`, meets: 'exact' },
  // The stem key drops the virama, so the two readings of क-र-म meet (and so do the real words).
  { kind: 'reph read as rakar (कर्म / क्रम)', typed: 'कर्म', ocr: 'क्रम', meets: 'stemmed' },
  { kind: 'virama dropped (क्ष → कष)', typed: 'रक्षा', ocr: 'रकषा', meets: 'stemmed' },
  { kind: 'ZWJ inside a conjunct (क्‍ष)', typed: 'रक्षा', ocr: `रक्${ZWJ}षा`, meets: 'exact' },
  { kind: 'ZWNJ after a virama (क्‌ष)', typed: 'रक्षा', ocr: `रक्${ZWNJ}षा`, meets: 'exact' },
  { kind: 'ॉ read as ा', typed: 'डॉक्टर', ocr: 'डाक्टर', meets: 'folded' },
  { kind: 'visarga read as colon (ः → :)', typed: 'दुःख', ocr: 'दु:ख', meets: 'not found' },
  { kind: 'visarga dropped inside a word', typed: 'दुःख', ocr: 'दुख', meets: 'folded' },
  { kind: 'Devanagari digits for ASCII', typed: '2025', ocr: '२०२५', meets: 'folded' },
  { kind: 'danda read as a pipe (।→|), glued to the word', typed: 'पहुंचे', ocr: 'पहुंचे|', meets: 'exact' },
  { kind: 'ai matra read as e (ै → े)', typed: 'फैसला', ocr: 'फेसला', meets: 'not found' },
  { kind: 'NFD sequence (क + ़ for क़)', typed: 'क़ानून', ocr: 'क\u093Cानून', meets: 'exact' },
];

function levelOf(typed: string, ocr: string): Exclude<Meets, 'not found'> {
  const q = wordKeys(typed);
  // The OCR'd token as the tokenizer cuts it (a glued pipe is punctuation, not part of the word).
  const d = wordKeys(ocr.replace(/[|]/g, ''));
  if (q.exact === d.exact) return 'exact';
  if (q.folded === d.folded) return 'folded';
  const docStems = new Set(stemKeysOf(d.stem));
  if (stemKeysOf(q.stem).some((k) => docStems.has(k))) return 'stemmed';
  return 'other';
}

function meets(confusion: Confusion): Meets {
  const engine = new SearchEngine();
  engine.put({
    id: 'ocr',
    title: 'समाचार',
    body: `कल शाम ${confusion.ocr} के बारे में खबर आई।`,
    tags: [],
    addedAt: '2025-01-01T00:00:00.000Z',
  });
  engine.put({ id: 'other', title: 'समाचार', body: 'आज बाजार बंद रहा।', tags: [], addedAt: '2025-01-02T00:00:00.000Z' });
  const result = engine.search(confusion.typed, { limit: 10 });
  if (!result.ok) throw new Error(`${confusion.typed}: ${result.error.code}`);
  const found = result.hits.some((h) => h.id === 'ocr');
  return found ? levelOf(confusion.typed, confusion.ocr) : 'not found';
}

describe('OCR confusions against the Hindi folding', () => {
  it.each(CONFUSIONS)('$kind: $typed finds a clipping with $ocr → $meets', (confusion) => {
    expect(meets(confusion)).toBe(confusion.meets);
  });

  it('a word the clipping does not have is not found (the check can fail)', () => {
    expect(meets({ kind: 'control', typed: 'किसान', ocr: 'पुलिस', meets: 'not found' })).toBe('not found');
  });
});
