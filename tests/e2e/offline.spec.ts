// The offline guarantee: while every feature of the UI is used, no request leaves 127.0.0.1. Two
// witnesses: Playwright's record of every request of the context (pages and workers), and a proxy that
// Chromium must send anything not for 127.0.0.1 through, which records it and refuses it (so nothing
// really leaves, whatever the app did). The CSP is bypassed, so it is what the app asks for that is
// measured, not what the policy stops. A self-check proves both witnesses see a request that leaves.
//
// The browser is launched here with Chromium's form-autofill prediction service switched off: it is the
// browser's own traffic (it asks Google about any form it sees), not the app's, and the desktop app's
// Electron has no such service.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { expect, test } from './fixtures.ts';

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--disable-features=AutofillServerCommunication'],
  });
});
test.afterAll(async () => {
  await browser?.close();
});

interface Witnesses {
  context: BrowserContext;
  page: Page;
  /** Requests of pages and workers for anything but 127.0.0.1 / localhost. */
  outside: string[];
  /** What reached the refusing proxy. */
  proxied: string[];
  close(): Promise<void>;
}

function leavesTheMachine(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(protocol)) return false; // data:, blob:, about:
  return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

async function startRefusingProxy(proxied: string[]): Promise<Server> {
  const server = createServer((request, response) => {
    proxied.push(`${request.method} ${request.url}`);
    response.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the offline test');
  });
  server.on('connect', (request, socket) => {
    proxied.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

async function witnessed(): Promise<Witnesses> {
  const outside: string[] = [];
  const proxied: string[] = [];
  const proxy = await startRefusingProxy(proxied);
  const { port } = proxy.address() as AddressInfo;
  const context = await browser.newContext({
    proxy: { server: `http://127.0.0.1:${port}`, bypass: '127.0.0.1' },
    bypassCSP: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  context.on('request', (request) => {
    if (leavesTheMachine(request.url())) outside.push(`${request.resourceType()} ${request.url()}`);
  });
  const page = await context.newPage();
  return {
    context,
    page,
    outside,
    proxied,
    close: async () => {
      await context.close();
      await new Promise((done) => proxy.close(done));
    },
  };
}

test('using every feature makes no request beyond 127.0.0.1', async ({ appUrl }) => {
  const w = await witnessed();
  const { page } = w;
  try {
    // Start: the list, the bundled fonts, the search worker and its index.
    await page.goto(appUrl);
    const items = page.getByTestId('result-item');
    await expect(items).toHaveCount(1);
    expect(await page.evaluate(() => document.fonts.ready.then(() => document.fonts.size))).toBeGreaterThan(0);

    // The reader.
    await items.first().click();
    await expect(page.getByTestId('reader')).toBeVisible();

    // Search: matches, no match, back to the list.
    const search = page.getByTestId('search-input');
    await search.fill('कानपुर');
    await expect(items.first().locator('mark').first()).toBeVisible();
    await search.fill('ममता');
    await expect(items).toHaveCount(0);
    await search.fill('');
    await expect(items).toHaveCount(1);

    // Add: first refused (no title, no text), then saved, with a web address the reader shows as a link.
    await page.getByTestId('add-clipping').click();
    await page.getByTestId('save-clipping').click();
    await expect(page.getByTestId('clipping-form').getByTestId('error-message')).toBeVisible();
    await page.getByTestId('clipping-title').fill('गंगा में बढ़ा जलस्तर');
    await page.getByTestId('clipping-body').fill('पटना में गंगा खतरे के निशान से ऊपर।');
    await page.getByTestId('clipping-url').fill('https://example.com/ganga');
    await page.getByTestId('clipping-tags').fill('बाढ़, पटना');
    await page.getByTestId('save-clipping').click();
    await expect(page.getByTestId('clipping-form')).toBeHidden();
    await expect(page.getByTestId('clipping-url')).toHaveText('https://example.com/ganga');
    await page.getByTestId('clipping-url').hover(); // a link under the pointer is not fetched either

    // Both languages.
    await page.getByTestId('language-hi').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
    await page.getByTestId('language-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // PDF export of the open clipping and of the list.
    for (const testId of ['export-pdf', 'export-pdf-list']) {
      const download = page.waitForEvent('download');
      await page.getByTestId(testId).click();
      expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    }

    // A reload keeps working (the token survives in the session) and stays local too.
    await page.reload();
    await expect(items).toHaveCount(2);

    expect(w.outside, 'requests of the page and its workers that left 127.0.0.1').toEqual([]);
    expect(w.proxied, 'requests that went for the network').toEqual([]);
  } finally {
    await w.close();
  }
});

test('self-check: both witnesses see a request that does leave', async ({ appUrl }) => {
  const w = await witnessed();
  try {
    await w.page.goto(appUrl);
    await expect(w.page.getByTestId('result-item')).toHaveCount(1);
    await w.page.evaluate(async () => {
      await fetch('https://example.com/tracker.js').catch(() => undefined);
      await new Promise<void>((done) => {
        const image = new Image();
        image.onload = image.onerror = () => done();
        image.src = 'http://example.org/pixel.png';
      });
    });
    await expect.poll(() => w.outside.length).toBeGreaterThanOrEqual(2);
    expect(w.outside.join('\n')).toContain('https://example.com/tracker.js');
    expect(w.outside.join('\n')).toContain('http://example.org/pixel.png');
    expect(w.proxied).toEqual(expect.arrayContaining(['CONNECT example.com:443', 'GET http://example.org/pixel.png']));
  } finally {
    await w.close();
  }
});
