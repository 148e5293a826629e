// XSS payloads for the tests: each, if it ever became markup and ran, would call __xss(name) or
// alert(); and the checks that nothing ran and no element came from them. Used by the browser test
// of the UI (tests/e2e/xss.spec.ts) and the test of the PDF's HTML (tests/integration/archive/pdf/entries-html.security.test.ts).
import type { Page } from 'playwright-core';
import type { ClippingInput } from '../../archive/clipping.ts';

/** Each makes a payload that reports `name` if it ever runs. */
export const PAYLOADS: ((name: string) => string)[] = [
  (n) => `<script>__xss('${n}')</script>`,
  (n) => `<img src=x onerror="__xss('${n}')">`,
  (n) => `<svg onload=__xss('${n}')>`,
  (n) => `"><img src=x onerror=__xss('${n}')>`,
  (n) => `'><svg/onload=__xss('${n}')>`,
  (n) => `<iframe srcdoc="<script>parent.__xss('${n}')</script>"></iframe>`,
  (n) => `<a href="javascript:__xss('${n}')">link</a>`,
  (n) => `<details open ontoggle=__xss('${n}')>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss('${n}')>`,
  (n) => `<input autofocus onfocus=__xss('${n}')>`,
  (n) => `<object data="javascript:__xss('${n}')"></object>`,
  (n) => `<form><button formaction=javascript:__xss('${n}')>x</button></form>`,
  (n) => `<meta http-equiv=refresh content="0;url=javascript:__xss('${n}')">`,
  (n) => `<base href="javascript:__xss('${n}')//">`,
  (n) => `<style>*{background:url("javascript:__xss('${n}')")}</style>`,
  (n) => `{{constructor.constructor("__xss('${n}')")()}}`,
  (n) => `\${__xss('${n}')}`,
  (n) => `javascript:__xss('${n}')`,
  (n) => `<img src=x onerror=alert('${n}')>`,
  (n) => `<body onload=__xss('${n}')>`,
];

/** A clipping with a payload in every text field (the page field holds at most 50 characters). */
export function hostileClipping(i: number): ClippingInput {
  const p = (field: string) => PAYLOADS[i]!(`${field}-${i}`);
  return {
    title: p('title'),
    body: [p('body'), `सादा पाठ ${i}: xss से कुछ नहीं चलना चाहिए।`, p('body2')].join('\n'),
    publication: p('publication'),
    author: p('author'),
    section: p('section'),
    edition: p('edition'),
    place: p('place'),
    page: `<img src=x onerror=__xss('page-${i}')>`,
    url: `https://example.com/${i}?q=${p('url')}`,
    tags: [p('tag'), 'xss'],
    notes: [p('notes'), p('notes2')].join('\n'),
  };
}
export const HOSTILE = PAYLOADS.map((_, i) => hostileClipping(i));

/** What would show that markup came from the clippings: elements, handlers, other URLs. */
const INJECTED = [
  'script:not([src])',
  'iframe',
  'object',
  'embed',
  'base',
  'meta[http-equiv="refresh" i]',
  'img[src="x"]',
  'input[autofocus]',
  'details[ontoggle]',
  'math',
  'body body',
  'a[href^="javascript:" i]',
  '[formaction]',
  'body style',
].join(', ');

async function evidence(page: Page) {
  return page.evaluate((selector) => {
    const withHandlers = [...document.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
      .map((el) => el.outerHTML.slice(0, 80));
    const w = window as unknown as { __xssRuns: string[] };
    return {
      runs: w.__xssRuns,
      injected: [...document.querySelectorAll(selector)].map((el) => el.outerHTML.slice(0, 80)),
      withHandlers,
      baseChanged: !(document.baseURI === location.href.split('#')[0] || document.baseURI.startsWith(location.origin)),
    };
  }, INJECTED);
}

/** What a clean page shows: nothing ran, no dialog, no element or handler from clipping text. */
export const NOTHING_RAN = { runs: [], dialogs: [], injected: [], withHandlers: [], baseChanged: false };

/**
 * Looks once whatever a payload that became markup would have set off has run: every image has
 * loaded or failed (onerror), every frame has loaded, and a frame has been rendered twice (autofocus,
 * ontoggle and onload run by then) — the events themselves, not a guess at how long they take.
 */
export async function xssEvidence(page: Page, dialogs: readonly string[]): Promise<typeof NOTHING_RAN> {
  await page.evaluate(async () => {
    const settled = (element: HTMLImageElement | HTMLIFrameElement) =>
      element instanceof HTMLImageElement && element.complete
        ? undefined
        : new Promise((resolve) => {
            element.addEventListener('load', resolve, { once: true });
            element.addEventListener('error', resolve, { once: true });
          });
    await Promise.all([...document.querySelectorAll('img')].map(settled));
    await Promise.all(
      [...document.querySelectorAll('iframe')]
        // A frame whose document is out of reach (blocked, another origin) has already loaded.
        .filter((frame) => frame.contentDocument && frame.contentDocument.readyState !== 'complete')
        .map(settled),
    );
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    await new Promise((resolve) => setTimeout(resolve)); // the tasks those frames queued
  });
  const found = await evidence(page);
  return { ...found, dialogs: [...dialogs] } as unknown as typeof NOTHING_RAN;
}

/** Counts every payload that runs and every dialog; call before the page loads. */
export async function watchForXss(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xssRuns: string[]; __xss: (name: string) => void };
    w.__xssRuns = [];
    w.__xss = (name) => w.__xssRuns.push(name);
  });
  return dialogs;
}
