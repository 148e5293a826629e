// Time (and peak memory) to export 1, 100 and 500 clippings as one PDF, through the service with
// the Chromium printer, as `press-archive export-pdf --all` does. Target: 100 clippings under 10 s.
import { readFile, readdir } from 'node:fs/promises';
import { it } from 'vitest';
import { chromiumPrinter } from '../archive/pdf/chromium-printer.ts';
import { PdfOptionsSchema } from '../archive/pdf/options.ts';
import { FIRST_ARTICLE_TEXT } from '../archive/seed/index.ts';
import { ArchiveService } from '../archive/service.ts';
import { tempDir } from '../tests/support/temp.ts';
import { markdownTable, writeResult } from './support/table.ts';

const SIZES = (process.env.BENCH_PDF_SIZES ?? '1,100,500').split(',').map(Number);

/**
 * Memory of this process and every process it started (Chromium), in MiB: the sum of their PSS, so
 * pages the processes share count once. Linux only.
 */
async function treeMemoryMiB(): Promise<number> {
  let entries: string[];
  try {
    entries = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return NaN;
  }
  const parent = new Map<number, number>();
  await Promise.all(
    entries.map(async (name) => {
      const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => ''); // may have ended
      parent.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    }),
  );
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  const pss = await Promise.all(
    [...parent.keys()].filter(inTree).map(async (pid) => {
      const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
      return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    }),
  );
  return pss.reduce((sum, kib) => sum + kib, 0) / 1024;
}

async function fill(service: ArchiveService, count: number): Promise<void> {
  const lines = [];
  for (let i = 1; i < count; i++) {
    lines.push(
      JSON.stringify({
        title: `कानपुर कमिश्नरेट: चार वर्ष की उपलब्धियाँ, रिपोर्ट ${i}`,
        body: `${i} ${FIRST_ARTICLE_TEXT}`,
        publication: 'दैनिक जागरण',
        date: '2025-03-26',
        place: 'कानपुर',
        tags: ['पुलिस', 'कानपुर'],
      }),
    );
  }
  if (lines.length > 0) await service.importFiles({ files: [{ name: 'fill.ndjson', content: lines.join('\n') }] });
}

it('pdf: time and memory to export N clippings', async () => {
  const rows: (string | number)[][] = [];
  for (const size of SIZES) {
    const { dir, cleanup } = await tempDir('press-archive-bench-pdf-');
    const service = await ArchiveService.open(dir, { printer: chromiumPrinter() });
    await fill(service, size); // plus the first article
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await treeMemoryMiB());
        await new Promise((done) => setTimeout(done, 250));
      }
    })();
    const start = performance.now();
    const pdf = await service.exportPdf({ all: true, options: PdfOptionsSchema.parse({}) });
    const seconds = (performance.now() - start) / 1000;
    sampling = false;
    await sampler;
    rows.push([
      size,
      pdf.pages,
      `${(Buffer.byteLength(pdf.pdfBase64, 'base64') / 2 ** 20).toFixed(1)} MiB`,
      `${seconds.toFixed(2)} s`,
      `${(seconds / size).toFixed(3)} s`,
      Number.isNaN(peak) ? 'n/a' : `${Math.round(peak)} MiB`,
    ]);
    await cleanup();
  }
  await writeResult(
    'pdf',
    'PDF export: one PDF of N clippings',
    markdownTable(
      ['clippings', 'pages', 'PDF size', 'time', 'per clipping', 'peak memory (PSS, Node + Chromium)'],
      rows,
    ),
    'Through the service with the Chromium printer (`export-pdf --all`): Chromium start, printing in parts of ' +
      '40, cover and contents, running heads, merge with pdf-lib. ~6 KB Hindi clippings. Target: 100 clippings under 10 s.',
  );
});
