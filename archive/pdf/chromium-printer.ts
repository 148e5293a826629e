// The printer of the CLI and `press-archive serve`: a system Chromium driven by playwright-core
// (which never downloads a browser). The print page runs no script, works offline and has every
// request aborted; it waits for the bundled fonts before printing.
import { existsSync } from 'node:fs';
import { ArchiveError } from '../errors.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PdfPrinter, PrintJob, PrintSession } from './printer.ts';

export const CHROMIUM_ENV = 'PRESS_ARCHIVE_CHROMIUM';

export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Nothing that leaves the machine: no updates, sync, field trials or QUIC. */
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--disable-quic',
];

const LOAD_TIMEOUT_MS = 120_000;

/** $PRESS_ARCHIVE_CHROMIUM, else the first common install path that exists; else a clear error. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string {
  const fromEnv = env[CHROMIUM_ENV];
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new ArchiveError({ code: 'printerMissing', params: { variable: CHROMIUM_ENV, path: fromEnv } });
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((path) => exists(path));
  if (found === undefined) {
    throw new ArchiveError({
      code: 'printerMissing',
      params: { variable: CHROMIUM_ENV, path: CHROMIUM_CANDIDATES[0]! },
    });
  }
  return found;
}

export interface ChromiumPrinterOptions {
  /** The environment to find Chromium in and to start it with (tests pass a font-less one). */
  env?: NodeJS.ProcessEnv;
  /**
   * How long Chromium stays up after an export for the next one (`serve`); 0 (the CLI): it stops
   * with the export.
   */
  keepAliveMs?: number;
}

export interface ChromiumPrinter extends PdfPrinter {
  /** Stops Chromium if it is running (exports under way fail). */
  dispose(): Promise<void>;
}

export function chromiumPrinter(options: ChromiumPrinterOptions = {}): ChromiumPrinter {
  const env = options.env ?? process.env;
  const keepAliveMs = options.keepAliveMs ?? 0;
  let running: Promise<Browser> | undefined;
  let users = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  async function start(): Promise<Browser> {
    const executablePath = findChromium(env);
    const { chromium } = await import('playwright-core');
    const launch = (sandbox: boolean) =>
      chromium.launch({
        executablePath,
        args: CHROMIUM_ARGS,
        env,
        chromiumSandbox: sandbox,
        timeout: 60_000,
        handleSIGINT: false, // Ctrl+C is the command's to handle (serve shuts down cleanly)
      });
    try {
      // Chromium's sandbox cannot run as root; elsewhere we ask for it and, where the system
      // forbids it (no user namespaces), go on without: the page is inert text, no script runs.
      const asRoot = process.getuid?.() === 0;
      const browser = asRoot ? await launch(false) : await launch(true).catch(() => launch(false));
      browser.once('disconnected', () => (running = undefined));
      return browser;
    } catch (error) {
      throw new ArchiveError({ code: 'printFailed', params: { detail: firstLine(error) } }, { cause: error });
    }
  }

  async function stop(): Promise<void> {
    const browser = running;
    running = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  async function acquire(): Promise<Browser> {
    clearTimeout(idle);
    users += 1;
    try {
      running ??= start().catch((error: unknown) => {
        running = undefined;
        throw error;
      });
      return await running;
    } catch (error) {
      users -= 1;
      throw error;
    }
  }

  async function release(): Promise<void> {
    users -= 1;
    if (users > 0) return;
    if (keepAliveMs <= 0) return stop();
    idle = setTimeout(() => void stop(), keepAliveMs);
    idle.unref(); // never keeps the process alive on its own
  }

  return {
    async open(): Promise<PrintSession> {
      const browser = await acquire();
      let context: BrowserContext | undefined;
      try {
        context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        const printing = context;
        return {
          print: (html, job) => printPage(page, html, job),
          async close() {
            await printing.close().catch(() => undefined);
            await release();
          },
        };
      } catch (error) {
        await context?.close().catch(() => undefined);
        await release();
        throw new ArchiveError({ code: 'printFailed', params: { detail: firstLine(error) } }, { cause: error });
      }
    },
    dispose: stop,
  };
}

async function printPage(page: Page, html: string, job: PrintJob): Promise<Uint8Array> {
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    // Evaluated by the DevTools protocol, not by the page (whose scripts are off).
    const failed = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === 'error').length;
    });
    if (failed > 0) throw new Error(`${failed} bundled font faces failed to load`);
    const pdf = await page.pdf({
      format: job.pageSize,
      preferCSSPageSize: true,
      printBackground: true,
      outline: job.outline,
      tagged: job.tagged,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (error) {
    throw new ArchiveError({ code: 'printFailed', params: { detail: firstLine(error) } }, { cause: error });
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}
