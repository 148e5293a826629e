// One printer interface, two printers: Chromium through playwright-core (CLI, `serve`, tests) and
// Electron's webContents.printToPDF (the desktop app, main/pdf-printer.ts). Both get the same
// self-contained HTML and the same job options; neither runs the page's scripts or loads anything.
import type { PageSize } from './options.ts';

export interface PrintJob {
  pageSize: PageSize;
  /** Ask the engine for a document outline made from the headings (we read it to find each clipping). */
  outline: boolean;
  /** Ask for a tagged (accessible) PDF. */
  tagged: boolean;
}

export interface PrintSession {
  /** Prints one HTML document (the page size and margins come from its CSS @page rule). */
  print(html: string, job: PrintJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface PdfPrinter {
  /** Starts whatever prints (a browser, a hidden window) for one export. */
  open(): Promise<PrintSession>;
}
