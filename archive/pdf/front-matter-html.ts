// The first pages of a several-clipping PDF: a cover saying what was exported (the search, the
// selection or the whole archive), when, and how many; then the contents with each clipping's page.
import type { Clipping } from '../clipping.ts';
import { MARGIN_MM, htmlDocument, pageRule } from './document-html.ts';
import { escapeHtml } from './escape.ts';
import { formatClippingDate, formatExportTime, label } from './labels.ts';
import { PAPER_MM, type PdfOptions } from './options.ts';

export type PdfSelection = { kind: 'ids' } | { kind: 'query'; query: string } | { kind: 'all' };

export interface FrontMatter {
  clippings: readonly Clipping[];
  selection: PdfSelection;
  exportedAt: Date;
  /** The final page number on which each clipping starts (same order as `clippings`). */
  startPages: readonly number[];
}

function css(options: PdfOptions): string {
  const { top, right, bottom, left } = MARGIN_MM;
  // The cover fills the page's text area so its block can sit in the middle.
  const coverHeight = PAPER_MM[options.pageSize].height - top - bottom - 2;
  return `${pageRule(options.pageSize, `${top}mm ${right}mm ${bottom}mm ${left}mm`)}
.cover {
  height: ${coverHeight}mm;
  display: flex;
  flex-direction: column;
  justify-content: center;
  break-after: page;
}
.cover-app { margin: 0; font-size: 12pt; color: #5e5e5e; letter-spacing: 0.02em; }
.cover-title { margin: 1mm 0 10mm; font-size: 30pt; line-height: 1.6; }
.cover-facts { margin: 0; padding-top: 4mm; border-top: 0.8pt solid #1b1b1b; font-size: 11pt; }
.cover-facts div { display: flex; gap: 5mm; padding: 1mm 0; }
.cover-facts dt { flex: 0 0 42mm; color: #5e5e5e; }
.cover-facts dd { margin: 0; flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.contents h1 { font-size: 18pt; line-height: 1.6; margin: 0 0 5mm; padding-top: 0.2em; }
.toc { list-style: none; margin: 0; padding: 0; }
.toc li {
  display: flex;
  align-items: baseline;
  gap: 3mm;
  padding: 1.4mm 0;
  border-bottom: 0.5pt dotted #a8a8a8;
  break-inside: avoid;
}
.toc-no { flex: 0 0 10mm; color: #5e5e5e; font-variant-numeric: tabular-nums; }
.toc-text { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.toc-title { display: block; line-height: 1.6; }
.toc-sub { display: block; font-size: 8.5pt; line-height: 1.5; color: #5e5e5e; }
.toc-page { flex: 0 0 12mm; text-align: right; font-variant-numeric: tabular-nums; }
`;
}

function selectionText(selection: PdfSelection, options: PdfOptions): string {
  switch (selection.kind) {
    case 'query':
      return label(options.language, 'selectionQuery', { query: selection.query });
    case 'ids':
      return label(options.language, 'selectionIds');
    case 'all':
      return label(options.language, 'selectionAll');
  }
}

function cover(front: FrontMatter, options: PdfOptions): string {
  const { language } = options;
  const fact = (term: string, value: string) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`;
  return `<section class="cover">
<p class="cover-app">${escapeHtml(label(language, 'appName'))}</p>
<h1 class="cover-title">${escapeHtml(label(language, 'coverTitle'))}</h1>
<dl class="cover-facts">
${fact(label(language, 'selection'), selectionText(front.selection, options))}
${fact(label(language, 'count'), String(front.clippings.length))}
${fact(label(language, 'exportedOn'), formatExportTime(front.exportedAt, language))}
</dl>
</section>`;
}

function contents(front: FrontMatter, options: PdfOptions): string {
  const { language } = options;
  const rows = front.clippings.map((clipping, i) => {
    const sub = [clipping.publication, clipping.date && formatClippingDate(clipping.date, language)]
      .filter((part): part is string => part !== undefined && part !== '')
      .join(' · ');
    const lang = escapeHtml(clipping.language);
    return `<li><span class="toc-no">${i + 1}.</span><span class="toc-text" lang="${lang}"><span class="toc-title">${escapeHtml(
      clipping.title,
    )}</span>${sub ? `<span class="toc-sub">${escapeHtml(sub)}</span>` : ''}</span><span class="toc-page">${
      front.startPages[i] ?? ''
    }</span></li>`;
  });
  return `<section class="contents">
<h1>${escapeHtml(label(language, 'contents'))}</h1>
<ol class="toc">
${rows.join('\n')}
</ol>
</section>`;
}

export function frontMatterHtml(front: FrontMatter, options: PdfOptions): string {
  return htmlDocument({
    options,
    language: options.language,
    title: label(options.language, 'contents'),
    css: css(options),
    body: cover(front, options) + '\n' + contents(front, options),
  });
}
