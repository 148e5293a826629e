// Clipping text is untrusted: it enters the print HTML only through these, as text, never as markup.
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** The non-empty lines of a text, each a paragraph (as the reader shows them). */
export function paragraphs(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** At most `max` user-perceived characters (never half a conjunct or a vowel sign), with an ellipsis. */
export function shorten(text: string, max: number): string {
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)];
  if (graphemes.length <= max) return text;
  return (
    graphemes
      .slice(0, max)
      .map((g) => g.segment)
      .join('')
      .trimEnd() + '…'
  );
}
