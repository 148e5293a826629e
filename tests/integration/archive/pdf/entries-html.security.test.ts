// The PDF's HTML (clipping pages, cover and contents, running heads) made from hostile clippings, opened
// in Chromium with JavaScript ON and the CSP bypassed — unlike the real print, which runs no script
// under a script-src 'none' policy — so that escaping alone is what is proved: no payload runs, no
// element comes from clipping text, and every payload is there as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createClipping, ClippingInputSchema, type Clipping } from '../../../../archive/clipping.ts';
import { entriesHtml } from '../../../../archive/pdf/entries-html.ts';
import { frontMatterHtml } from '../../../../archive/pdf/front-matter-html.ts';
import { PdfOptionsSchema } from '../../../../archive/pdf/options.ts';
import { runningHeadsHtml } from '../../../../archive/pdf/running-heads-html.ts';
import { chromiumArgs, chromiumPath } from '../../../support/chromium.ts';
import { HOSTILE, NOTHING_RAN, PAYLOADS, watchForXss, xssEvidence } from '../../../support/xss-payloads.ts';

const executablePath = chromiumPath();
const clippings: Clipping[] = HOSTILE.map((input, i) =>
  createClipping(`xss${String(i).padStart(6, '0')}`, ClippingInputSchema.parse(input), '2024-07-15T10:00:00.000Z'),
);

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
});

async function open(html: string) {
  const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true, offline: true });
  const page = await context.newPage();
  const dialogs = await watchForXss(page);
  await page.goto('about:blank');
  await page.setContent(html);
  return { page, dialogs, text: (await page.evaluate(() => document.body.textContent)) ?? '', context };
}

describe('the PDF HTML of hostile clippings', () => {
  for (const language of ['en', 'hi'] as const) {
    const options = PdfOptionsSchema.parse({ language });
    const documents = {
      'clipping pages': () => entriesHtml(clippings, options),
      'cover and contents': () =>
        frontMatterHtml(
          {
            clippings,
            selection: { kind: 'query', query: PAYLOADS[1]!('cover-query') },
            exportedAt: new Date('2024-07-16T08:00:00Z'),
            startPages: clippings.map((_, i) => i + 3),
          },
          options,
        ),
      'running heads': () =>
        runningHeadsHtml(
          clippings.map((c) => ({ title: c.title, lang: c.language, blank: false })),
          options,
        ),
    };
    for (const [name, render] of Object.entries(documents)) {
      it(`${name} (${language}): nothing runs, every payload is text`, async () => {
        const { page, dialogs, text, context } = await open(render());
        try {
          expect(await xssEvidence(page, dialogs)).toEqual(NOTHING_RAN);
          for (const clipping of clippings) expect(text).toContain(clipping.title.slice(0, 30));
          if (name === 'clipping pages') {
            for (const clipping of clippings) {
              for (const value of [clipping.body, clipping.notes!, clipping.publication!, clipping.url!]) {
                for (const line of value.split('\n')) expect(text).toContain(line);
              }
            }
          }
          if (name === 'cover and contents') expect(text).toContain(PAYLOADS[1]!('cover-query'));
        } finally {
          await context.close();
        }
      });
    }
  }
});
