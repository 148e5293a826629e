// A news page saved from a browser: Mozilla's Readability finds the story among menus, ads and share
// buttons; we keep only its text (paragraphs), title, byline, date, site name and address.
// Scripts, styles and event handlers never leave this function: only text does.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption';
// Containers news sites use for ads and share buttons; Readability keeps some of them inside a story.
const CLUTTER = /(^|[\s_-])(ads?|advert\w*|sponsor\w*|promo\w*|share\w*|social)([\s_-]|$)/i;

export function fromHtml(html: string): Record<string, unknown> {
  let { document } = parseHTML(html);
  // A fragment (no <html>) gives linkedom its first element, or none, as the root: wrap it in a page.
  if (document.documentElement?.tagName !== 'HTML') {
    ({ document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`));
  }
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]');
  const metaTitle = meta('meta[property="og:title"]') ?? document.title?.trim();
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    if (CLUTTER.test(element.getAttribute('class') ?? '') || CLUTTER.test(element.getAttribute('id') ?? '')) {
      element.remove();
    }
  }
  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  const title = article?.title?.trim() || metaTitle || '';
  const author = article?.byline?.trim();
  const paragraphs = article?.content ? paragraphsOf(article.content) : [];
  // The headline and the byline line are fields of their own, not part of the text.
  while (paragraphs.length > 1 && (paragraphs[0] === title || (author && isBylineLine(paragraphs[0]!, author)))) {
    paragraphs.shift();
  }

  const record: Record<string, unknown> = { title, body: paragraphs.join('\n') };
  if (author) record.author = author;
  const publication = article?.siteName?.trim() || meta('meta[property="og:site_name"]');
  if (publication) record.publication = publication;
  const date = isoDay(article?.publishedTime ?? meta('meta[property="article:published_time"]'));
  if (date) record.date = date;
  if (canonical && /^https?:\/\//i.test(canonical)) record.url = canonical;
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) record.language = lang.split('-')[0]!.toLowerCase();
  return record;
}

function isBylineLine(line: string, author: string): boolean {
  return line.length <= author.length + 40 && line.includes(author);
}

/** The article's paragraphs, whitespace inside each folded. */
function paragraphsOf(articleHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${articleHtml}</body></html>`);
  const paragraphs: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    // A block inside another listed block (li > p) is read once, by its outermost listed ancestor.
    if (element.parentElement?.closest(BLOCKS)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length > 0) return paragraphs;
  return (document.body?.textContent ?? '')
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function isoDay(value: string | null | undefined): string | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  return match?.[1];
}
