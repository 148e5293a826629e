// The desktop app's printer (main/pdf-printer.ts) on the Electron stand-in. What Electron would do
// is done by a real Chromium: the window's loadFile opens the file in a page with JavaScript off,
// its debugger and printToPDF go to the same DevTools protocol calls Electron makes. So the
// printer's own code (temp file, confined session, font wait, print options) runs for real and
// its PDF is read back with poppler.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clipping } from '../../../archive/clipping.ts';
import { PdfOptionsSchema } from '../../../archive/pdf/options.ts';
import { renderPdf } from '../../../archive/pdf/render-pdf.ts';
import { FIRST_ARTICLE_TEXT } from '../../../archive/seed/index.ts';
import { PRINT_PARTITION, electronPdfPrinter } from '../../../main/pdf-printer.ts';
import { chromiumArgs, chromiumPath } from '../../support/chromium.ts';
import { bodyArea, footArea, pdfFonts, pdfInfo, pdfOutline, pdfText, squeeze } from '../../support/poppler.ts';
import { tempDir } from '../../support/temp.ts';
import { BrowserWindow, FakeSession, resetStandIn, session } from '../../support/electron-stand-in.ts';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

// Electron's paper sizes in inches, as its printToPDF hands them to Chromium.
const PAPER_INCHES: Record<string, { width: number; height: number }> = {
  A4: { width: 8.27, height: 11.7 },
  Letter: { width: 8.5, height: 11 },
};

interface ElectronPrintOptions {
  pageSize: string;
  preferCSSPageSize: boolean;
  printBackground: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
  generateDocumentOutline: boolean;
  generateTaggedPDF: boolean;
}

let browser: Browser;
let page: Page;
let devtools: CDPSession;
const loaded: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  devtools = await page.context().newCDPSession(page);
});
afterAll(() => browser.close());

beforeEach(() => {
  resetStandIn();
  loaded.length = 0;
});

/** Makes the newest stand-in window do what Electron's would, with the real Chromium page. */
function backWithChromium(window: BrowserWindow): void {
  window.loadFile.mockImplementation(async (file: string) => {
    loaded.push(file);
    await page.goto(pathToFileURL(file).href);
  });
  window.webContents.debugger.sendCommand.mockImplementation((method: string, params?: unknown) =>
    devtools.send(method as 'Runtime.evaluate', params as { expression: string }),
  );
  window.webContents.printToPDF.mockImplementation(async (options: unknown) => {
    const o = options as ElectronPrintOptions;
    const paper = PAPER_INCHES[o.pageSize]!;
    const { data } = await devtools.send('Page.printToPDF', {
      paperWidth: paper.width,
      paperHeight: paper.height,
      preferCSSPageSize: o.preferCSSPageSize,
      printBackground: o.printBackground,
      marginTop: o.margins.top,
      marginBottom: o.margins.bottom,
      marginLeft: o.margins.left,
      marginRight: o.margins.right,
      generateDocumentOutline: o.generateDocumentOutline,
      generateTaggedPDF: o.generateTaggedPDF,
    });
    return Buffer.from(data, 'base64');
  });
}

/** The printer, opened, with its window backed by Chromium. */
async function openPrinter() {
  const printSession = await electronPdfPrinter().open();
  const window = BrowserWindow.instances.at(-1)!;
  backWithChromium(window);
  return { printSession, window };
}

const firstArticle: Clipping = {
  id: 'firstarticle01',
  title: 'उत्तर प्रदेश सरकार के 8 वर्ष',
  body: FIRST_ARTICLE_TEXT,
  language: 'hi',
  tags: ['कानपुर'],
  addedAt: '2025-03-27T10:00:00.000Z',
  updatedAt: '2025-03-27T10:00:00.000Z',
};

describe('the Electron PDF printer', { timeout: 120_000 }, () => {
  it('prints in a hidden, sandboxed window with JavaScript off, in an in-memory session of its own', async () => {
    const { printSession, window } = await openPrinter();
    expect(session.fromPartition).toHaveBeenCalledWith(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    const own = session.fromPartition.mock.results[0]!.value as FakeSession;
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        session: own,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        webviewTag: false,
      },
    });
    expect(window.options.webPreferences?.preload).toBeUndefined();
    // Every permission denied; requests only to the print folder's files.
    expect(own.permissionCheckHandler?.()).toBe(false);
    expect(own.beforeRequest?.filter.urls).toEqual(['<all_urls>']);
    const decide = (url: string) =>
      new Promise<boolean>((resolve) =>
        own.beforeRequest!.listener({ url }, (r: { cancel: boolean }) => resolve(r.cancel)),
      );

    let allowedDuringPrint: boolean | undefined;
    window.loadFile.mockImplementationOnce(async (file: string) => {
      loaded.push(file);
      allowedDuringPrint = !(await decide(pathToFileURL(file).href));
      await page.goto(pathToFileURL(file).href);
    });
    await printSession.print('<!doctype html><p>नमस्ते</p>', { pageSize: 'A4', outline: false, tagged: false });
    expect(allowedDuringPrint).toBe(true);
    expect(await decide('https://example.com/font.woff2')).toBe(true);
    expect(await decide('http://127.0.0.1:9/x')).toBe(true);
    expect(await decide('file:///etc/passwd')).toBe(true);
    expect(await decide(pathToFileURL(loaded[0]!).href.replace(/\/[^/]+$/, '-other/x.html'))).toBe(true);

    const folder = dirname(loaded[0]!);
    expect(existsSync(loaded[0]!)).toBe(false); // each page is removed once printed
    await printSession.close();
    expect(window.destroy).toHaveBeenCalled();
    expect(existsSync(folder)).toBe(false);
    expect(await decide(pathToFileURL(loaded[0]!).href)).toBe(true); // nothing is let through afterwards
  });

  it('makes the same PDF as the CLI: A4, bundled font embedded, text back, bookmarks, page X of Y', async () => {
    const printer = electronPdfPrinter();
    const open = printer.open.bind(printer);
    printer.open = async () => {
      const printing = await open();
      backWithChromium(BrowserWindow.instances.at(-1)!);
      return printing;
    };
    const second = { ...firstArticle, id: 'secondstory01', title: 'दूसरी ख़बर', body: 'गंगा का जलस्तर बढ़ा।' };
    const pdf = await renderPdf(
      {
        clippings: [firstArticle, second],
        selection: { kind: 'all' },
        options: PdfOptionsSchema.parse({}),
        exportedAt: new Date('2025-04-01T10:00:00Z'),
      },
      printer,
    );
    const { dir, cleanup } = await tempDir('press-archive-electron-pdf-');
    try {
      const file = `${dir}/electron.pdf`;
      await writeFile(file, pdf.bytes);
      const info = await pdfInfo(file);
      expect(info.pageSize).toContain('(A4)');
      expect(info.pages).toBe(4);
      expect((await pdfFonts(file)).map((f) => f.name)).toContainEqual(
        expect.stringMatching(/\+NotoSansDevanagari-Regular$/),
      );
      expect(squeeze(await pdfText(file, { first: 3, last: 3, area: bodyArea(info) }))).toContain(
        squeeze(FIRST_ARTICLE_TEXT),
      );
      expect(squeeze(await pdfText(file, { first: 4, last: 4, area: footArea(info) }))).toBe('पृष्ठ4/4');
      expect(await pdfOutline(file)).toEqual([
        { title: 'विषय-सूची', page: 2 },
        { title: firstArticle.title, page: 3 },
        { title: 'दूसरी ख़बर', page: 4 },
      ]);
    } finally {
      await cleanup();
    }
    // Every print job waited for the fonts and asked for what it needed.
    const window = BrowserWindow.instances.at(-1)!;
    expect(window.webContents.debugger.attach).toHaveBeenCalledTimes(window.webContents.printToPDF.mock.calls.length);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({
        pageSize: 'A4',
        preferCSSPageSize: true,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      }),
    );
    expect(window.destroy).toHaveBeenCalled();
  });

  it('says the print failed (in the user’s words) and leaves no file behind', async () => {
    const { printSession, window } = await openPrinter();
    window.webContents.printToPDF.mockRejectedValueOnce(new Error('Printing failed'));
    await expect(
      printSession.print('<!doctype html><p>पाठ</p>', { pageSize: 'Letter', outline: false, tagged: false }),
    ).rejects.toMatchObject({ info: { code: 'printFailed', params: { detail: 'Printing failed' } } });
    expect(existsSync(loaded[0]!)).toBe(false);
    await printSession.close();
    expect(existsSync(dirname(loaded[0]!))).toBe(false);
  });
});
