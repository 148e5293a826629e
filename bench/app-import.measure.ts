// An import as a person makes it in the app: one NDJSON feed of synthetic Hindi clippings chosen in
// the real renderer (`press-archive serve` in Debian's Chromium), against `press-archive import` of
// the same file. In the page: when the progress first shows and first says how far the archive has
// got (a determinate bar), when the summary shows, and the longest gap between animation frames
// (a requestAnimationFrame probe) during the import and while the list and the search index catch
// up afterwards. BENCH_IMPORT_SIZE (default 15000) and BENCH_IMPORT_RUNS (default 3) for other runs;
// BENCH_IMPORT_BASE=N imports into an archive that holds N other clippings already (its search index
// built beforehand, in the page and for the CLI alike), results in app-import-into-N.md;
// BENCH_IMPORT_TRACE=FILE traces the first run's page and prints its long tasks.
import { createWriteStream } from 'node:fs';
import { cp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { runCli } from '../tests/support/cli.ts';
import { serveArchive } from '../tests/support/serve.ts';
import { tempDir } from '../tests/support/temp.ts';
import { launchApp } from './support/app-browser.ts';
import { traceMainThread } from './support/main-thread-trace.ts';
import { syntheticClipping } from './support/hindi-corpus.ts';
import { markdownTable, writeResult } from './support/table.ts';

const SIZE = Number(process.env.BENCH_IMPORT_SIZE ?? 15_000);
/** Clippings already in the archive the feed is imported into. */
const BASE = Number(process.env.BENCH_IMPORT_BASE ?? 0);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const PATIENCE_MS = 10 * 60_000;
/** A file to write a Chromium trace of the first run's page to (its long tasks are printed). */
const TRACE = process.env.BENCH_IMPORT_TRACE;

/** A short news item's text, as in the feed the figures in the README are about (about 6 MB for 15,000). */
const BODY_CHARS = 150;

/** Clippings `from` to `from + count` of the synthetic corpus, as NDJSON; returns the file's size. */
async function writeFeed(file: string, count = SIZE, from = 0): Promise<number> {
  const out = createWriteStream(file);
  for (let n = from; n < from + count; n++) {
    const { title, body: whole, publication, place, tags, date } = syntheticClipping(n);
    const body = whole.slice(0, whole.lastIndexOf(' ', BODY_CHARS));
    if (!out.write(JSON.stringify({ title, body, publication, place, tags, date }) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

interface PageRun {
  /** ms after the file was chosen (the input's change event). */
  firstProgress: number;
  firstDeterminate: number;
  summary: number;
  /** Until the list's count says the new clippings are in it. */
  listed: number;
  /** Until the search worker says its index has caught up. */
  searchReady: number;
  /** The whole import: until both. */
  ready: number;
  /** Longest gap between animation frames, ms: until the summary, and until the index caught up. */
  gapImport: number;
  gapCatchUp: number;
}

/**
 * Installed before the file is chosen: the rAF probe and a watch on the progress, the summary and
 * the list's count (`listedText`: what it says once the new clippings are listed).
 */
function probe(listedText: string): void {
  interface Log {
    t0: number;
    gaps: [number, number][];
    firstProgress?: number;
    firstDeterminate?: number;
    summary?: number;
    listed?: number;
    running: boolean;
  }
  const log: Log = { t0: 0, gaps: [], running: true };
  (window as unknown as { __import: Log }).__import = log;
  let previous = performance.now();
  const frame = (now: number) => {
    log.gaps.push([now, now - previous]);
    previous = now;
    if (log.running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document
    .querySelector('[data-testid="import-input"]')!
    .addEventListener('change', () => (log.t0 = performance.now()), { capture: true });
  new MutationObserver(() => {
    const now = performance.now();
    const progress = document.querySelector('[data-testid="import-progress"]');
    if (progress && log.firstProgress === undefined) log.firstProgress = now;
    if (progress?.querySelector('progress[value]') && log.firstDeterminate === undefined) log.firstDeterminate = now;
    if (document.querySelector('[data-testid="import-summary"]') && log.summary === undefined) log.summary = now;
    const count = document.querySelector('[data-testid="result-count"]')?.textContent?.replace(/,/g, '');
    if (count === listedText && log.listed === undefined) log.listed = now;
  }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** Init script: when the search worker said it is ready (page clock). */
function watchWorker(): void {
  const ready: number[] = [];
  (window as unknown as { __ready: number[] }).__ready = ready;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
        if (e.data?.type === 'ready') ready.push(performance.now());
      });
    }
  };
}

async function importInPage(page: Page, feed: string): Promise<PageRun> {
  const listedText = `${BASE + SIZE + 1} clippings`;
  await page.evaluate(probe, listedText);
  await page.locator('[data-testid="import-input"]').setInputFiles(feed);
  await page.waitForSelector('[data-testid="import-added"]', { timeout: PATIENCE_MS });
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="result-count"]')?.textContent?.replace(/,/g, '') === text,
    listedText,
    { timeout: PATIENCE_MS, polling: 50 },
  );
  // The index has caught up when the worker says it is ready after the summary.
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __ready: number[]; __import: { summary: number } };
      return w.__ready.some((t) => t > w.__import.summary);
    },
    null,
    { timeout: PATIENCE_MS, polling: 100 },
  );
  const log = await page.evaluate(() => {
    const w = window as unknown as { __import: { running: boolean; summary: number }; __ready: number[] };
    const l = w.__import;
    l.running = false;
    (l as unknown as { ready: number }).ready = w.__ready.find((t) => t > l.summary)!;
    return l as unknown as {
      t0: number;
      gaps: [number, number][];
      firstProgress: number;
      firstDeterminate: number;
      summary: number;
      listed: number;
      ready: number;
    };
  });
  const longest = (from: number, to: number) =>
    Math.max(0, ...log.gaps.filter(([at]) => at > from && at <= to).map(([, gap]) => gap));
  return {
    firstProgress: log.firstProgress - log.t0,
    firstDeterminate: log.firstDeterminate - log.t0,
    summary: log.summary - log.t0,
    listed: log.listed - log.t0,
    searchReady: log.ready - log.t0,
    ready: Math.max(log.listed, log.ready) - log.t0,
    gapImport: longest(log.t0, log.summary),
    gapCatchUp: longest(log.summary, Math.max(log.listed, log.ready)),
  };
}

/** The machine's 1, 5 and 15 minute load averages (a shared machine's figures need them). */
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
const msText = (value: number) => `${Math.round(value)} ms`;

it(`imports ${SIZE} clippings in the app and with the CLI`, { timeout: PATIENCE_MS * 3 }, async () => {
  const { dir, cleanup } = await tempDir('press-archive-bench-import-');
  try {
    const feed = join(dir, 'feed.ndjson');
    const bytes = await writeFeed(feed);
    // The archive imported into: empty but for the first clipping, or BASE others (not in the feed).
    const base = join(dir, 'base');
    if (BASE > 0) {
      const baseFeed = join(dir, 'base.ndjson');
      await writeFeed(baseFeed, BASE, SIZE);
      const made = await runCli(['import', '--archive', base, baseFeed, '--json']);
      if (made.code !== 0) throw new Error(`the base archive could not be made: ${made.stderr}`);
    }
    const archiveToImportInto = async (to: string) => {
      if (BASE > 0) await cp(base, to, { recursive: true });
    };
    const loadBefore = loadAverage();
    const cli: number[] = [];
    const pages: PageRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cliArchive = join(dir, `cli-${run}`);
      await archiveToImportInto(cliArchive);
      // The command line's saved index of that archive, as the app has its own before the import.
      if (BASE > 0) await runCli(['search', '--archive', cliArchive, 'पुलिस', '--json']);
      const started = performance.now();
      const result = await runCli(['import', '--archive', cliArchive, feed, '--json']);
      cli.push(performance.now() - started);
      if (result.code !== 0) throw new Error(`CLI import failed: ${result.stderr}`);
      await rm(cliArchive, { recursive: true, force: true });

      const archive = join(dir, `app-${run}`);
      await archiveToImportInto(archive);
      const served = await serveArchive(archive);
      const { context, page } = await launchApp(join(dir, `profile-${run}`));
      try {
        await page.addInitScript(watchWorker);
        await page.goto(served.url);
        await page.waitForSelector('[data-testid="result-item"]', { timeout: PATIENCE_MS });
        // The page's search index of the archive is built before the import, as a person's would be.
        await page.waitForFunction(() => (window as unknown as { __ready: number[] }).__ready.length > 0, null, {
          timeout: PATIENCE_MS,
          polling: 100,
        });
        const tracing = TRACE && run === 0 ? await traceMainThread(page) : undefined;
        pages.push(await importInPage(page, feed));
        if (tracing) console.log(`long tasks on the page's main thread:\n${(await tracing.stop(TRACE!)).join('\n')}`);
      } finally {
        await context.close();
        await served.stop();
        await rm(archive, { recursive: true, force: true });
      }
    }
    const pick = (key: keyof PageRun) => median(pages.map((p) => p[key]));
    const cliMedian = median(cli);
    const rows = [
      ['progress shows (after the file is chosen)', msText(pick('firstProgress')), 'within 200 ms'],
      ['determinate progress shows', msText(pick('firstDeterminate')), 'within 1 s'],
      ['longest frame gap, until the summary', msText(pick('gapImport')), 'under 100 ms'],
      ['longest frame gap, list and index catching up', msText(pick('gapCatchUp')), 'under 100 ms'],
      ['summary shows', s(pick('summary')), '—'],
      ['new clippings listed', s(pick('listed')), '—'],
      ['search index caught up', s(pick('searchReady')), '—'],
      ['whole import in the app (list and search ready)', s(pick('ready')), '—'],
      ['`press-archive import` of the same file (it saves the search index too)', s(cliMedian), '—'],
      ['app ÷ CLI (list and search ready)', `${(pick('ready') / cliMedian).toFixed(2)}×`, 'at most 1.3×'],
    ];
    const notes =
      `One NDJSON feed of ${SIZE.toLocaleString('en')} synthetic Hindi clippings (${(bytes / 2 ** 20).toFixed(1)} MB), ` +
      `chosen in the file picker of the app served by \`press-archive serve\` in Debian's Chromium (headless), against ` +
      `\`press-archive import FILE --json\` as a process; medians of ${RUNS} runs, each on a fresh archive` +
      (BASE > 0
        ? ` holding ${BASE.toLocaleString('en')} other clippings already, with its search index built (the page's, and the command line's saved one)`
        : '') +
      `. ` +
      `Frame gaps from a requestAnimationFrame probe in the page (headless Chromium paints at about 60 Hz: ` +
      `17 ms is a smooth frame). All runs: app (list and search ready) ${pages.map((p) => s(p.ready)).join(', ')}; ` +
      `CLI ${cli.map(s).join(', ')}; longest gaps ${pages.map((p) => msText(p.gapImport)).join(', ')} (import), ` +
      `${pages.map((p) => msText(p.gapCatchUp)).join(', ')} (catching up). Load average before the runs: ${loadBefore}, after: ${loadAverage()}.`;
    await writeResult(
      BASE > 0 ? `app-import-into-${BASE}` : 'app-import',
      `Import in the app: ${SIZE.toLocaleString('en')} clippings` +
        (BASE > 0 ? ` into an archive of ${BASE.toLocaleString('en')}` : ''),
      markdownTable(['', 'measured', 'goal'], rows),
      notes,
    );
  } finally {
    await cleanup();
  }
});
