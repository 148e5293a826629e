// The garbage checks of a PDF text layer on texts of each kind: clean Hindi (with English words,
// digits and Sanskrit word-final viramas) passes; legacy-font codes, Latin-1 codes, holes, visual
// order, stray matras and dangling viramas do not.
import { describe, expect, it } from 'vitest';
import { devanagariFaults, judgeTextLayer } from '../../../../archive/ocr/text-layer-quality.ts';
import { FIRST_ARTICLE_TEXT } from '../../../../archive/seed/index.ts';
import { CONFERENCE, RAIN } from '../../../../bench/ocr/texts.ts';
import { ENGLISH_TEXT, KRUTI_DEV_TEXT, visualOrder } from '../../../support/ocr-pdfs.ts';

const reason = (text: string) => judgeTextLayer(text).verdict.reason;

describe('text layer quality', () => {
  it('uses clean Unicode Hindi, also with English words, digits and word-final viramas', () => {
    expect(reason(FIRST_ARTICLE_TEXT)).toBe('devanagari');
    expect(reason(CONFERENCE)).toBe('devanagari');
    expect(reason(RAIN)).toBe('devanagari');
    expect(reason('विद्वान् लोग जगत् के कल्याण की बात करते हैं, किंतु सत्य का मार्ग कठिन है।')).toBe('devanagari');
    expect(devanagariFaults(FIRST_ARTICLE_TEXT)).toBe(0);
  });

  it('uses English', () => {
    expect(reason(ENGLISH_TEXT)).toBe('latin');
  });

  it('sends Kruti Dev codes to OCR, also as a headline above Unicode Hindi', () => {
    expect(reason(KRUTI_DEV_TEXT)).toBe('legacy-font-codes');
    expect(reason(`${KRUTI_DEV_TEXT.slice(0, 80)}\n${RAIN}`)).toBe('legacy-font-codes');
  });

  it('sends Latin-1 codes of Chanakya-like fonts, and holes, to OCR', () => {
    expect(reason('Ûæ§ÅÂéÚU ×ð´ ÂéçÜUâ ·¤×èàæÙÚU Ùð ·¤ãæ ç·¤ ©Uæ¤ÚU ÂýÎðàæ âÚU·¤æÚU ¥æñÚU ÂéçÜUâ Ùð ç×Ü·¤ÚU')).toBe(
      'foreign-characters',
    );
    expect(reason(RAIN.replace(/ि/g, '\u0000'))).toBe('unmapped-glyphs');
    expect(reason(RAIN.replace(/ि/g, '\uE01F'))).toBe('unmapped-glyphs');
  });

  it('sends visual-order Unicode, stray matras and dangling viramas to OCR', () => {
    expect(reason(visualOrder(FIRST_ARTICLE_TEXT))).toBe('broken-devanagari');
    expect(devanagariFaults('ि कसान')).toBe(1); // a matra after a space
    expect(devanagariFaults('काे')).toBe(1); // two vowel signs
    expect(devanagariFaults('क्ा')).toBe(2); // a virama before a vowel sign, which then follows no consonant
    expect(devanagariFaults('अ्')).toBe(1); // a virama on a vowel
    expect(devanagariFaults('कों क़ क्ष जगत्')).toBe(0);
  });

  it('finds no text on a page of page numbers and rules', () => {
    expect(reason('12  —  ____  3')).toBe('no-text');
  });
});
