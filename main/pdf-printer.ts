// The desktop app's PDF printer: Chromium's own print engine through webContents.printToPDF, in a
// hidden, sandboxed window with JavaScript off, in a session of its own that loads nothing but the
// one HTML file it is given (written to a private temp folder, removed afterwards).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session, type Session, type WebContents } from 'electron';
import type { PdfPrinter, PrintJob, PrintSession } from '../archive/pdf/printer.ts';
import { ArchiveError } from '../archive/errors.ts';
import { secureSession } from './security.ts';

/** In memory (no "persist:"): nothing of a print survives it. */
export const PRINT_PARTITION = 'press-archive-pdf';

// The temp folders of the prints under way (two exports may run at once).
const printFolders = new Set<string>();
const confined = new WeakSet<Session>();

/** Whether a print window may load this URL: only files in a print folder under way. */
export function isPrintFileUrl(url: string): boolean {
  return [...printFolders].some((folder) => url.startsWith(folder));
}

/**
 * Lets through the print folders' files only (the fonts are data: URLs, never requested) and
 * denies every permission. Replaces the app-wide filter for this session, which stops only remote
 * requests.
 */
export function confinePrintSession(printSession: Session): void {
  if (confined.has(printSession)) return;
  confined.add(printSession);
  secureSession(printSession);
  printSession.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
    callback({ cancel: !isPrintFileUrl(details.url) }),
  );
}

// The page's scripts are off; the DevTools protocol still evaluates, as Playwright does.
const FONTS_FAILED = `document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === 'error').length)`;

async function waitForFonts(contents: WebContents): Promise<void> {
  const devtools = contents.debugger;
  devtools.attach('1.3');
  try {
    const answer = (await devtools.sendCommand('Runtime.evaluate', {
      expression: FONTS_FAILED,
      awaitPromise: true,
      returnByValue: true,
    })) as { result?: { value?: unknown } };
    if (answer.result?.value !== 0) throw new Error('the bundled fonts did not load');
  } finally {
    devtools.detach();
  }
}

export function electronPdfPrinter(): PdfPrinter {
  return {
    async open(): Promise<PrintSession> {
      const folder = await mkdtemp(join(app.getPath('temp'), 'press-archive-pdf-'));
      const folderUrl = pathToFileURL(folder).href + '/';
      printFolders.add(folderUrl);
      const printSession = session.fromPartition(PRINT_PARTITION);
      confinePrintSession(printSession);
      // Written out here so Electronegativity (npm run lint:security) sees them.
      const window = new BrowserWindow({
        show: false,
        width: 900,
        height: 1200,
        webPreferences: {
          session: printSession,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          javascript: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          spellcheck: false,
          navigateOnDragDrop: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      return {
        async print(html: string, job: PrintJob): Promise<Uint8Array> {
          const file = join(folder, `${randomUUID()}.html`);
          try {
            await writeFile(file, html, 'utf8');
            await window.loadFile(file);
            await waitForFonts(window.webContents);
            const pdf = await window.webContents.printToPDF({
              pageSize: job.pageSize,
              preferCSSPageSize: true,
              printBackground: true,
              margins: { top: 0, bottom: 0, left: 0, right: 0 },
              generateDocumentOutline: job.outline,
              generateTaggedPDF: job.tagged,
            });
            return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
          } catch (error) {
            const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
            throw new ArchiveError({ code: 'printFailed', params: { detail } }, { cause: error });
          } finally {
            await rm(file, { force: true });
          }
        },
        async close(): Promise<void> {
          if (!window.isDestroyed()) window.destroy();
          printFolders.delete(folderUrl);
          await rm(folder, { recursive: true, force: true });
        },
      };
    },
  };
}
