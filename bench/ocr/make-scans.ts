// Test scans for the OCR benchmark: Hindi text set in the Noto Devanagari fonts (fonts-noto-core)
// by Chromium, then degraded by ImageMagick the way paper scans and phone photos are (skew, noise,
// blur, JPEG artefacts, perspective, uneven light). Each image gets its true text beside it
// (scan-id.txt), and the whole set repeats exactly: the noise is seeded.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../tests/support/chromium.ts';
import { BOOK_FAIR, BOOK_FAIR_HEADLINE, CONFERENCE, CONFERENCE_HEADLINE, RAIN, RAIN_HEADLINE } from './texts.ts';

const run = promisify(execFile);

export interface ScanSpec {
  id: string;
  /** Set in bold above the body when present; part of the true text. */
  headline?: string;
  /** Paragraphs of the body. */
  paragraphs: string[];
  font: 'Noto Serif Devanagari' | 'Noto Sans Devanagari';
  /** CSS pixels; rendered at 2× like a 200-dpi-ish scan of newsprint. */
  sizePx: number;
  columns: 1 | 2 | 3;
  /** Degrees, positive = clockwise. */
  skew: number;
  /** Gaussian noise strength for ImageMagick's -attenuate (0 = none). */
  noise: number;
  /** Gaussian blur sigma in device pixels (0 = none). */
  blur: number;
  /** JPEG quality, or 0 for a lossless PNG. */
  jpegQuality: number;
  /** A phone photo: the page seen at an angle, lit unevenly, on slightly yellow paper. */
  photo?: boolean;
}

export interface Scan extends ScanSpec {
  image: string;
  truth: string;
}

export async function firstArticleParagraphs(): Promise<string[]> {
  const text = await readFile(new URL('../../archive/seed/first-article.hi.txt', import.meta.url), 'utf8');
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export async function scanSpecs(): Promise<ScanSpec[]> {
  const article = await firstArticleParagraphs();
  return [
    {
      id: 's01-clean',
      paragraphs: article,
      font: 'Noto Serif Devanagari',
      sizePx: 18,
      columns: 1,
      skew: 0,
      noise: 0,
      blur: 0,
      jpegQuality: 0,
    },
    {
      id: 's02-small-2col',
      headline: RAIN_HEADLINE,
      paragraphs: [RAIN],
      font: 'Noto Sans Devanagari',
      sizePx: 14,
      columns: 2,
      skew: 0.5,
      noise: 0.3,
      blur: 0,
      jpegQuality: 85,
    },
    // The recipe of the first measurement in the issue: 19 px serif, 2 columns, 1.2°, noise, blur, q55.
    {
      id: 's03-issue-recipe',
      paragraphs: article,
      font: 'Noto Serif Devanagari',
      sizePx: 19,
      columns: 2,
      skew: 1.2,
      noise: 0.6,
      blur: 0.6,
      jpegQuality: 55,
    },
    {
      id: 's04-large-mixed',
      headline: CONFERENCE_HEADLINE,
      paragraphs: [CONFERENCE],
      font: 'Noto Sans Devanagari',
      sizePx: 22,
      columns: 1,
      skew: 2,
      noise: 0.5,
      blur: 0,
      jpegQuality: 70,
    },
    {
      id: 's05-3col',
      paragraphs: article,
      font: 'Noto Serif Devanagari',
      sizePx: 16,
      columns: 3,
      skew: -1.5,
      noise: 0.5,
      blur: 0.4,
      jpegQuality: 60,
    },
    {
      id: 's06-skew3',
      headline: BOOK_FAIR_HEADLINE,
      paragraphs: [BOOK_FAIR],
      font: 'Noto Serif Devanagari',
      sizePx: 20,
      columns: 2,
      skew: 3,
      noise: 0.5,
      blur: 0,
      jpegQuality: 65,
    },
    {
      id: 's07-photo',
      headline: RAIN_HEADLINE,
      paragraphs: [RAIN, BOOK_FAIR],
      font: 'Noto Sans Devanagari',
      sizePx: 17,
      columns: 1,
      skew: 0,
      noise: 0.6,
      blur: 0.5,
      jpegQuality: 60,
      photo: true,
    },
    {
      id: 's08-tiny-noisy',
      headline: CONFERENCE_HEADLINE,
      paragraphs: [CONFERENCE, RAIN],
      font: 'Noto Serif Devanagari',
      sizePx: 14,
      columns: 3,
      skew: -2.5,
      noise: 1.0,
      blur: 0.5,
      jpegQuality: 45,
    },
  ];
}

/** The true text of a scan, as a reader would type it: headline, then paragraphs, one per line. */
export function truthOf(spec: ScanSpec): string {
  return [spec.headline, ...spec.paragraphs].filter(Boolean).join('\n') + '\n';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
}

function pageHtml(spec: ScanSpec): string {
  const columnWidth = spec.sizePx * 20; // about 20 ems, as in a newspaper column
  const width = spec.columns * columnWidth + (spec.columns - 1) * spec.sizePx * 1.5;
  const headline = spec.headline ? `<h1>${escapeHtml(spec.headline)}</h1>` : '';
  const paragraphs = spec.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<!doctype html><html lang="hi"><head><meta charset="utf-8"><style>
    html, body { margin: 0; background: #fff; color: #111; }
    main { width: ${width}px; padding: ${spec.sizePx * 2}px; font: ${spec.sizePx}px/1.55 '${spec.font}'; }
    h1 { font-size: 1.6em; line-height: 1.3; margin: 0 0 0.6em; font-weight: 700; }
    .body { column-count: ${spec.columns}; column-gap: 1.5em; text-align: justify; }
    p { margin: 0 0 0.6em; }
  </style></head><body><main>${headline}<div class="body">${paragraphs}</div></main></body></html>`;
}

async function render(page: import('playwright-core').Page, spec: ScanSpec, pngPath: string): Promise<void> {
  await page.setContent(pageHtml(spec));
  await page.evaluate(() => document.fonts.ready);
  await page.locator('main').screenshot({ path: pngPath });
}

/** ImageMagick arguments that turn the clean render into this scan. */
function degradeArgs(spec: ScanSpec, seed: number): string[] {
  const args: string[] = ['-seed', String(seed)];
  if (spec.photo) {
    // The page photographed from slightly above and to the left: a keystone, lit from one corner.
    args.push(
      '-bordercolor',
      'white',
      '-border',
      '60',
      '-virtual-pixel',
      'white',
      '-distort',
      'Perspective',
      '0,0 40,70  %w,0 %[fx:w-20],0  0,%h 0,%h  %w,%h %[fx:w-70],%[fx:h-40]',
      '(',
      '+clone',
      '-sparse-color',
      'Barycentric',
      '0,0 rgb(250,246,232) %[fx:w],%[fx:h] rgb(150,142,128)',
      ')',
      '-compose',
      'Multiply',
      '-composite',
    );
  } else {
    args.push('-colorspace', 'Gray');
  }
  if (spec.skew !== 0) args.push('-background', 'white', '-rotate', String(spec.skew));
  if (spec.blur > 0) args.push('-blur', `0x${spec.blur}`);
  if (spec.noise > 0) args.push('-attenuate', String(spec.noise), '+noise', 'Gaussian');
  if (spec.jpegQuality > 0) args.push('-quality', String(spec.jpegQuality));
  return args;
}

/** Renders every scan into `dir` (id.jpg or id.png, plus id.txt with the true text). */
export async function makeScans(dir: string, specs?: ScanSpec[]): Promise<Scan[]> {
  const list = specs ?? (await scanSpecs());
  await mkdir(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const scans: Scan[] = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 2000, height: 1200 } });
    for (const [index, spec] of list.entries()) {
      const clean = join(dir, `${spec.id}.clean.png`);
      await render(page, spec, clean);
      const image = join(dir, `${spec.id}.${spec.jpegQuality > 0 ? 'jpg' : 'png'}`);
      // The noise seed follows the scan's number (s03 → 1002), so a subset repeats the full set's images.
      const seed = 1000 + (Number(/^s(\d+)/.exec(spec.id)?.[1] ?? index + 1) - 1);
      await run('convert', [clean, ...degradeArgs(spec, seed), image]);
      const truth = truthOf(spec);
      await writeFile(join(dir, `${spec.id}.txt`), truth);
      scans.push({ ...spec, image, truth });
    }
  } finally {
    await browser.close();
  }
  return scans;
}
