// The clippings' pages: one article per clipping, each starting on a new page: the title (an <h1>,
// which is what the PDF outline is made from), a block of details, the paragraphs, the notes.
import type { Clipping } from '../clipping.ts';
import { DETAIL_FIELDS } from '../clipping-fields.ts';
import { fieldLabel, type Language } from '../messages.ts';
import { MARGIN_MM, htmlDocument, pageRule } from './document-html.ts';
import { escapeHtml, paragraphs } from './escape.ts';
import { formatClippingDate, label } from './labels.ts';
import type { PdfOptions } from './options.ts';

/** The details printed as text; the address is printed as a link after them. */
const TEXT_FIELDS = DETAIL_FIELDS.filter((f) => f !== 'url');

const CSS = `
.entry + .entry { break-before: page; }
.entry-title {
  font-size: 18pt;
  line-height: 1.6;
  margin: 0 0 3.5mm;
  padding-top: 0.2em;
  break-after: avoid;
}
.meta {
  margin: 0 0 6mm;
  padding: 2mm 0;
  border-top: 0.6pt solid #b9b9b9;
  border-bottom: 0.6pt solid #b9b9b9;
  font-size: 9pt;
  line-height: 1.65;
  break-inside: avoid;
}
.meta-row { display: flex; gap: 4mm; }
.meta dt { flex: 0 0 27mm; color: #5e5e5e; }
.meta dd { margin: 0; flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.meta a { color: inherit; text-decoration: none; }
.tags span + span::before { content: ' · '; color: #8a8a8a; }
.entry-body p {
  margin: 0 0 0.6em;
  orphans: 2;
  widows: 2;
  overflow-wrap: break-word;
}
.notes {
  margin-top: 6mm;
  padding: 2.5mm 4mm;
  border-left: 1.5pt solid #b9b9b9;
  background: #f5f4f0;
  font-size: 10pt;
  break-inside: avoid;
}
.notes h2 { font-size: 9.5pt; margin: 0 0 1mm; color: #5e5e5e; break-after: avoid; }
.notes p { margin: 0 0 0.4em; }
`;

function metaRow(term: string, value: string, lang?: string): string {
  const langAttr = lang ? ` lang="${escapeHtml(lang)}"` : '';
  return `<div class="meta-row"><dt>${escapeHtml(term)}</dt><dd${langAttr}>${value}</dd></div>`;
}

function metaBlock(clipping: Clipping, language: Language): string {
  const rows: string[] = [];
  for (const field of TEXT_FIELDS) {
    const value = clipping[field];
    if (value === undefined) continue;
    const text = field === 'date' ? formatClippingDate(value, language) : value;
    rows.push(metaRow(fieldLabel(language, field), escapeHtml(text), field === 'date' ? undefined : clipping.language));
  }
  if (clipping.url !== undefined) {
    // Validated http(s) on the way in; a link in the PDF, never loaded while printing.
    const url = escapeHtml(clipping.url);
    rows.push(metaRow(fieldLabel(language, 'url'), `<a href="${url}">${url}</a>`));
  }
  if (clipping.tags.length > 0) {
    const tags = clipping.tags.map((tag) => `<span>${escapeHtml(tag)}</span>`).join('');
    rows.push(metaRow(fieldLabel(language, 'tags'), `<span class="tags">${tags}</span>`, clipping.language));
  }
  rows.push(metaRow(label(language, 'id'), escapeHtml(clipping.id)));
  return `<dl class="meta">${rows.join('')}</dl>`;
}

function entryHtml(clipping: Clipping, language: Language): string {
  const lang = escapeHtml(clipping.language);
  const body = paragraphs(clipping.body)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  const notes =
    clipping.notes !== undefined && clipping.notes.trim() !== ''
      ? `<section class="notes"><h2 lang="${language}">${escapeHtml(label(language, 'notes'))}</h2>${paragraphs(
          clipping.notes,
        )
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('')}</section>`
      : '';
  return `<article class="entry" lang="${lang}">
<h1 class="entry-title">${escapeHtml(clipping.title)}</h1>
${metaBlock(clipping, language)}
<div class="entry-body">
${body}
</div>
${notes}
</article>`;
}

/** One print job's worth of clippings. */
export function entriesHtml(clippings: readonly Clipping[], options: PdfOptions): string {
  const { top, right, bottom, left } = MARGIN_MM;
  return htmlDocument({
    options,
    language: options.language,
    title: clippings.length === 1 ? clippings[0]!.title : label(options.language, 'appName'),
    css: pageRule(options.pageSize, `${top}mm ${right}mm ${bottom}mm ${left}mm`) + CSS,
    body: clippings.map((c) => entryHtml(c, options.language)).join('\n'),
  });
}
