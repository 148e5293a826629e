// The clipping a new archive starts with. The source text has no headline, publication or date,
// so none is invented: the title is the article's own first sentence, and the note says so.
import firstArticle from './first-article.hi.txt?raw';
import type { ClippingInput } from '../clipping.ts';

export const FIRST_ARTICLE_TEXT: string = firstArticle;

export function seedClippings(): ClippingInput[] {
  const firstSentence = FIRST_ARTICLE_TEXT.split('।')[0]!.trim();
  return [
    {
      title: firstSentence,
      body: FIRST_ARTICLE_TEXT,
      language: 'hi',
      notes: 'शीर्षक लेख के पहले वाक्य से लिया गया है; मूल पाठ में शीर्षक, प्रकाशन या तारीख़ नहीं है।',
    },
  ];
}
