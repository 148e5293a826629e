// The frame every print page shares: a self-contained HTML document with the bundled fonts, the
// paper size and a Content-Security-Policy that allows no script and no request (fonts are data:).
import type { Language } from '../messages.ts';
import { escapeHtml } from './escape.ts';
import { FONT_FAMILY, fontFaceCss } from './fonts.ts';
import type { PageSize, PdfOptions } from './options.ts';

const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  "script-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The page margins of the clippings' pages; the running heads sit inside the top and bottom ones. */
export const MARGIN_MM = { top: 24, right: 20, bottom: 22, left: 20 } as const;

export function pageRule(pageSize: PageSize, margin: string): string {
  return `@page { size: ${pageSize === 'A4' ? 'A4' : 'letter'} portrait; margin: ${margin}; }`;
}

/** Typography shared by every page: Devanagari needs room above and below the line for its marks. */
function baseCss(options: PdfOptions): string {
  return `
html {
  font-family: '${FONT_FAMILY[options.typeface]}';
  font-size: 11pt;
  line-height: 1.75;
  color: #1b1b1b;
  font-kerning: normal;
  text-rendering: optimizeLegibility;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
body { margin: 0; }
h1, h2 { font-weight: 700; }
`;
}

export function htmlDocument(input: {
  options: PdfOptions;
  language: Language;
  title: string;
  css: string;
  body: string;
}): string {
  const { options } = input;
  return `<!doctype html>
<html lang="${escapeHtml(input.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(input.title)}</title>
<style>
${fontFaceCss(options.typeface)}
${baseCss(options)}
${input.css}
</style>
</head>
<body>
${input.body}
</body>
</html>
`;
}
