import { describe, expect, it } from 'vitest';
import { NearDuplicateIndex, jaccard, shingles } from '../../../archive/similarity.ts';
import { FIRST_ARTICLE_TEXT } from '../../../archive/seed/index.ts';

// The same agency story as two papers print it: a new first line, a few words changed, one
// paragraph dropped.
const AGENCY = FIRST_ARTICLE_TEXT;
const EDITED = FIRST_ARTICLE_TEXT.replace('डीजीपी प्रशांत कुमार कानपुर पहुंचे', 'पुलिस महानिदेशक प्रशांत कुमार गुरुवार को कानपुर पहुंचे')
  .replace('सीसीटीवी सर्विलांस', 'सीसीटीवी कैमरों')
  .split('\n')
  .filter((_, i) => i !== 2)
  .join('\n');
const OTHER =
  'पटना में गंगा नदी का जलस्तर खतरे के निशान से ऊपर पहुंच गया। प्रशासन ने तटवर्ती गाँवों में चेतावनी जारी की और राहत शिविर लगाए।';

describe('near duplicates', () => {
  it('scores an edited copy of a story as similar and a different story as not', () => {
    expect(jaccard(shingles(AGENCY), shingles(EDITED))).toBeGreaterThan(0.6);
    expect(jaccard(shingles(AGENCY), shingles(OTHER))).toBeLessThan(0.05);
    expect(jaccard(shingles(AGENCY), shingles(AGENCY))).toBe(1);
  });

  it('finds the edited copy among many other texts, and forgets removed ones', () => {
    const index = new NearDuplicateIndex();
    index.put('agency', AGENCY);
    index.put('edited', EDITED);
    index.put('other', OTHER);
    for (let i = 0; i < 300; i++)
      index.put(`n${i}`, `समाचार संख्या ${i}: ${OTHER.split(' ').reverse().join(' ')} ${i * 7}`);
    const similar = index.similarTo('agency');
    expect(similar.map((s) => s.id)).toEqual(['edited']);
    expect(similar[0]!.similarity).toBeGreaterThan(0.6);
    index.remove('edited');
    expect(index.similarTo('agency')).toEqual([]);
  });
});
