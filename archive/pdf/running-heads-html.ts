// The running heads and page numbers, printed as a separate document of empty sheets (one per page
// of the finished PDF) and laid over its pages. Printing them last means the numbers are right
// across every print job: "page 37 of 412", whatever chunk page 37 came from.
import { MARGIN_MM, htmlDocument, pageRule } from './document-html.ts';
import { escapeHtml, shorten } from './escape.ts';
import { label } from './labels.ts';
import { PAPER_MM, type PdfOptions } from './options.ts';

export interface RunningHead {
  /** What the page belongs to: a clipping's title, the contents; none on the cover. */
  title: string | undefined;
  /** The language of that title. */
  lang: string;
  blank: boolean;
}

function css(options: PdfOptions): string {
  const paper = PAPER_MM[options.pageSize];
  const { left, right } = MARGIN_MM;
  // A hair shorter than the paper, so rounding never pushes a sheet onto a second page.
  return `${pageRule(options.pageSize, '0')}
.sheet {
  position: relative;
  width: ${paper.width}mm;
  height: ${paper.height - 0.5}mm;
  overflow: hidden;
  break-after: page;
}
.sheet:last-child { break-after: auto; }
.head {
  position: absolute;
  top: 10mm;
  left: ${left}mm;
  right: ${right}mm;
  display: flex;
  justify-content: space-between;
  gap: 8mm;
  padding-bottom: 1mm;
  border-bottom: 0.5pt solid #c4c4c4;
  font-size: 8.5pt;
  line-height: 1.6;
  color: #5e5e5e;
  white-space: nowrap;
}
.head-title { overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.folio {
  position: absolute;
  bottom: 9mm;
  left: ${left}mm;
  right: ${right}mm;
  text-align: center;
  font-size: 8.5pt;
  line-height: 1.6;
  color: #5e5e5e;
  font-variant-numeric: tabular-nums;
}
`;
}

export function runningHeadsHtml(heads: readonly RunningHead[], options: PdfOptions): string {
  const { language } = options;
  const appName = escapeHtml(label(language, 'appName'));
  const sheets = heads.map((head, i) => {
    if (head.blank) return '<div class="sheet"></div>';
    const title =
      head.title === undefined
        ? ''
        : `<span class="head-title" lang="${escapeHtml(head.lang)}">${escapeHtml(shorten(head.title, 80))}</span>`;
    const folio = escapeHtml(label(language, 'page', { page: i + 1, pages: heads.length }));
    return `<div class="sheet"><div class="head"><span>${appName}</span>${title}</div><div class="folio">${folio}</div></div>`;
  });
  return htmlDocument({
    options,
    language,
    title: label(language, 'appName'),
    css: css(options),
    body: sheets.join('\n'),
  });
}
