// Search as a person with a large archive meets it: the real app (`press-archive serve` in Debian's
// Chromium) on archives of synthetic Hindi clippings made by `press-archive import`. The first
// start (list on screen, search index built by the worker, first answer), the next starts (a page
// reload, and a relaunch of serve and browser; the index loaded from IndexedDB), answers while
// typing, scrolling a long result list, and memory.
// BENCH_APP_SIZES=10000 for a quick look; BENCH_APP_SCREENSHOTS=DIR keeps a screenshot per size;
// BENCH_APP_TRACE=STEM traces the page's main thread while typing (STEM-SIZE.json, .cpuprofile).
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { runCli } from '../tests/support/cli.ts';
import { tempDir } from '../tests/support/temp.ts';
import { heaps, launchApp, topFunctions, type Heaps } from './support/app-browser.ts';
import { traceMainThread } from './support/main-thread-trace.ts';
import { answerTime, instrument, savedIndexKeys, startFrames, stopFrames, type PageLog } from './support/app-page.ts';
import { serveArchive } from '../tests/support/serve.ts';
import { syntheticClipping, syntheticQueries } from './support/hindi-corpus.ts';
import { markdownTable, ms, percentile, writeResult } from './support/table.ts';

const SIZES = (process.env.BENCH_APP_SIZES ?? '10000,100000').split(',').map(Number);
const SCREENSHOTS = process.env.BENCH_APP_SCREENSHOTS;
/** A file name stem: a trace and CPU profile of the page's main thread while typing, per size. */
const TRACE = process.env.BENCH_APP_TRACE;
/** A step this slow is a finding in itself; the benchmark waits this long before saying so. */
const PATIENCE_MS = 15 * 60_000;
const FIRST_QUERY = 'पुलिस';
/** A word in nearly every clipping: a result list as long as the archive. */
const LONG_QUERY = 'सरकार';
const TYPED = [...new Set(syntheticQueries(80))].filter((q) => q !== FIRST_QUERY && q !== LONG_QUERY).slice(0, 30);
const SCROLL_MS = 3000;

const seconds = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : ms(value);
const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${Math.round(bytes / 2 ** 20)} MB`);

/** Clippings from..to - 1 as an NDJSON feed (the fields a person would import; the archive assigns ids). */
async function writeFeed(file: string, from: number, to: number): Promise<number> {
  const out = createWriteStream(file);
  for (let n = from; n < to; n++) {
    const { title, body, publication, place, tags, date } = syntheticClipping(n);
    if (!out.write(JSON.stringify({ title, body, publication, place, tags, date }) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

/** Feeds of `perFile` clippings each, imported by one `press-archive import`; ms and bytes. */
async function importFeeds(dir: string, size: number, perFile: number): Promise<{ ms: number; bytes: number }> {
  const archiveDir = join(dir, 'archive');
  await rm(archiveDir, { recursive: true, force: true });
  const files: string[] = [];
  let bytes = 0;
  for (let from = 0; from < size; from += perFile) {
    files.push(join(dir, `feed-${from}.ndjson`));
    bytes += await writeFeed(files.at(-1)!, from, Math.min(size, from + perFile));
  }
  try {
    const started = performance.now();
    const result = await runCli(['import', '--archive', archiveDir, ...files, '--json']);
    const elapsed = performance.now() - started;
    if (result.code !== 0)
      throw new Error(`import failed (exit ${result.code}): ${result.stderr.trim().slice(0, 300)}`);
    const report = JSON.parse(result.stdout) as { added: number };
    if (report.added !== size) throw new Error(`imported ${report.added} of ${size}`);
    return { ms: elapsed, bytes };
  } finally {
    for (const file of files) await rm(file, { force: true });
  }
}

/** One feed file, as asked; if the CLI cannot take it, feeds of 10,000 (and the failure is a note). */
async function importArchive(dir: string, size: number, notes: string[]) {
  try {
    return { ...(await importFeeds(dir, size, size)), files: 1 };
  } catch (error) {
    notes.push(
      `${size.toLocaleString('en')} clippings as one NDJSON feed: ${error instanceof Error ? error.message : String(error)}` +
        ` — imported as ${Math.ceil(size / 10_000)} feeds of 10,000 in one \`press-archive import\` instead.`,
    );
    return { ...(await importFeeds(dir, size, 10_000)), files: Math.ceil(size / 10_000) };
  }
}

const log = (page: Page) => page.evaluate(() => window.__bench as PageLog);
const now = (page: Page) => page.evaluate(() => performance.now());

interface Start {
  /** The archive's first answers to the page (info, then the list of every clipping) arrived. */
  infoDone?: number;
  listDone?: number;
  firstRow?: number;
  listAsked?: number;
  lastDocs?: number;
  ready?: number;
  how?: string;
  answer?: number;
  answerText?: string;
  preparingShown: boolean;
}

/**
 * One start of the app (the page just navigated): the first rows with no query, then FIRST_QUERY
 * typed at once, then its answer. Times in ms since navigation.
 */
async function measureStart(page: Page): Promise<Start> {
  await page.waitForSelector('[data-testid="result-item"]', { timeout: PATIENCE_MS });
  await page.fill('[data-testid="search-input"]', FIRST_QUERY);
  const want = `“${FIRST_QUERY}”`;
  await page.waitForFunction((w) => window.__bench.counts.some((c) => c.text.includes(w)), want, {
    timeout: PATIENCE_MS,
    polling: 100,
  });
  const l = await log(page);
  const ready = l.events.find((e) => e.type === 'ready');
  const answer = l.counts.find((c) => c.text.includes(want));
  const api = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => [e.name, (e as PerformanceResourceTiming).responseEnd] as const),
  );
  return {
    infoDone: api.find(([name]) => name.endsWith('/api/info'))?.[1],
    listDone: api.find(([name]) => name.endsWith('/api/list'))?.[1],
    firstRow: l.firstRowFrame ?? l.firstRowDom,
    listAsked: l.events.find((e) => e.type === 'sync')?.t,
    lastDocs: l.events.filter((e) => e.type === 'docs').at(-1)?.t,
    ready: ready?.t,
    how: ready?.how,
    answer: answer?.t,
    answerText: answer?.text,
    preparingShown: l.counts.some((c) => c.text.startsWith('Preparing')),
  };
}

/** Waits until the worker's index is in IndexedDB; ms after `since` (page clock). */
async function waitForSave(page: Page, since: number): Promise<number | undefined> {
  const deadline = Date.now() + PATIENCE_MS;
  while (Date.now() < deadline) {
    if ((await page.evaluate(savedIndexKeys)).length > 0) return (await now(page)) - since;
    await page.waitForTimeout(250);
  }
  return undefined;
}

interface Scroll {
  results: string;
  frames: number;
  p95: number;
  longest: number;
  placeholderShare: number;
  rowsScrolled: number;
  /** Where the page's main thread spent the scrolling (CPU profile, self time). */
  top: string;
}

/** Wheel-scrolls the list of LONG_QUERY's results for SCROLL_MS, recording the page's frames. */
async function measureScroll(page: Page): Promise<Scroll> {
  const { text } = await page.evaluate(answerTime, LONG_QUERY);
  const box = (await page.locator('[role="listbox"]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const profiler = await page.context().newCDPSession(page);
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.start');
  await page.evaluate(startFrames);
  const end = Date.now() + SCROLL_MS;
  while (Date.now() < end) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(16);
  }
  const frames = await page.evaluate(stopFrames);
  const { profile } = await profiler.send('Profiler.stop');
  await profiler.detach();
  const gaps = frames.gaps.slice(1).sort((a, b) => a - b);
  return {
    results: text,
    frames: gaps.length,
    p95: percentile(gaps, 0.95),
    longest: gaps.at(-1) ?? NaN,
    placeholderShare: frames.placeholderFrames / Math.max(1, frames.gaps.length),
    rowsScrolled: Math.round(frames.scrolledPx / 118),
    top: topFunctions(profile, 3),
  };
}

interface Figures {
  size: number;
  imported: { ms: number; bytes: number; files: number };
  cold: Start;
  savedAfter?: number;
  coldHeaps: Heaps;
  warm: Start;
  warmHeaps: Heaps;
  relaunch: Start;
  typing: number[];
  scroll: Scroll;
}

async function measureSize(size: number, notes: string[]): Promise<Figures> {
  const { dir, cleanup } = await tempDir('press-archive-bench-app-');
  try {
    const archiveDir = join(dir, 'archive');
    const imported = await importArchive(dir, size, notes);
    let served = await serveArchive(archiveDir);
    const port = Number(new URL(served.url).port);
    const profile = join(dir, 'profile');
    await mkdir(profile);
    let { context, page } = await launchApp(profile);
    try {
      page.on('pageerror', (e) => notes.push(`${size}: page error: ${e.message}`));
      await context.addInitScript(instrument);
      await page.goto(served.url);
      const cold = await measureStart(page);
      const savedAfter = cold.ready === undefined ? undefined : await waitForSave(page, cold.ready);
      const coldHeaps = await heaps(page);

      await page.reload();
      const warm = await measureStart(page);
      await page.evaluate(() => window.__bench.stop());

      // The heaps after the reload are read after typing and scrolling, not before: reading them
      // forces a full garbage collection in the page and the worker, which throws away the code
      // V8 has compiled (the search worker's warm-up included), so typing right after it measured
      // the collection, not what a person typing after a start meets.
      const typing: number[] = [];
      const tracing = TRACE ? await traceMainThread(page) : undefined;
      for (const query of TYPED) typing.push((await page.evaluate(answerTime, query)).ms);
      if (tracing) {
        console.log(`typing, long tasks:\n${(await tracing.stop(`${TRACE}-${size}.json`, 30)).join('\n')}`);
        const cpu = tracing.cpuPerInput();
        const line = (query: string, i: number) =>
          `${ms(typing[i]!)} (CPU ${ms(cpu[i]?.page ?? NaN)} / ${ms(cpu[i]?.worker ?? NaN)}) ${query}`;
        console.log(
          `typing, per query: answer (CPU of the page's thread / the search worker):\n${TYPED.map(line).join('\n')}`,
        );
      }
      const scroll = await measureScroll(page);
      const warmHeaps = await heaps(page);

      if (SCREENSHOTS) {
        await page.evaluate(answerTime, 'पुलिस लखनऊ');
        await page.waitForTimeout(500);
        await mkdir(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `app-search-${size}.png`) });
      }

      // Quit and start again, as a person does the next day: a new serve (which reads the archive
      // anew) on the same port, the same browser profile (the saved index).
      await context.close();
      await served.stop();
      served = await serveArchive(archiveDir, port);
      ({ context, page } = await launchApp(profile));
      await context.addInitScript(instrument);
      await page.goto(served.url);
      const relaunch = await measureStart(page);
      return {
        size,
        imported,
        cold,
        savedAfter,
        coldHeaps,
        warm,
        warmHeaps,
        relaunch,
        typing,
        scroll,
      };
    } finally {
      await context.close();
      await served.stop();
    }
  } finally {
    await cleanup();
  }
}

const answerCount = (text: string | undefined) => text?.match(/^[\d,]+/)?.[0] ?? '?';

it('app: search in the real renderer', async () => {
  const notes: string[] = [];
  const all: Figures[] = [];
  for (const size of SIZES) {
    const f = await measureSize(size, notes);
    all.push(f);
    console.log(JSON.stringify(f));
  }
  const triple = (st: Start, expected: string) =>
    `${seconds(st.firstRow)} / ${seconds(st.ready)}${st.how === expected ? '' : ` (${st.how ?? 'not ready'})`} / ${seconds(st.answer)}`;
  const rows = all.map((f) => {
    const typing = [...f.typing].sort((a, b) => a - b);
    const files = f.imported.files > 1 ? ` in ${f.imported.files} files` : '';
    return [
      f.size.toLocaleString('en'),
      `${seconds(f.imported.ms)} (${mb(f.imported.bytes)}${files})`,
      triple(f.cold, 'built'),
      seconds(f.savedAfter),
      triple(f.warm, 'loaded'),
      triple(f.relaunch, 'loaded'),
      `${ms(percentile(typing, 0.5))} / ${ms(percentile(typing, 0.95))}`,
      `${f.scroll.frames} / ${ms(f.scroll.p95)} / ${ms(f.scroll.longest)}`,
      `${mb(f.warmHeaps.pageUsed)} / ${mb(f.coldHeaps.workerUsed)} + ${mb(f.coldHeaps.workerBuffers)} / ` +
        `${mb(f.warmHeaps.workerUsed)} + ${mb(f.warmHeaps.workerBuffers)}`,
    ];
  });
  const details = all.map((f) => {
    const c = f.cold;
    const r = f.relaunch;
    return (
      `${f.size.toLocaleString('en')} clippings. First start: the archive answered /api/info at ${seconds(c.infoDone)} ` +
      `and the list of every clipping at ${seconds(c.listDone)}; the worker was asked to sync at ${seconds(c.listAsked)}, ` +
      `the last batch of clippings reached it at ${seconds(c.lastDocs)}, its index was ready at ${seconds(c.ready)}` +
      `${c.preparingShown ? ' ("Preparing the search index…" shown meanwhile)' : ''}; ` +
      `first answer: ${answerCount(c.answerText)} results for ${FIRST_QUERY}. ` +
      `Relaunch: /api/info at ${seconds(r.infoDone)}, the list at ${seconds(r.listDone)}. ` +
      `Scrolled ${f.scroll.rowsScrolled.toLocaleString('en')} rows of ${answerCount(f.scroll.results)} results for ${LONG_QUERY}; ` +
      `${Math.round(f.scroll.placeholderShare * 100)}% of frames had a row still waiting for its page; ` +
      `the page's main thread, by self time: ${f.scroll.top}. ` +
      `Page heap after the first start ${mb(f.coldHeaps.pageUsed)}, its ArrayBuffers ${mb(f.coldHeaps.pageBuffers)}` +
      `${f.coldHeaps.workerNote ? `; worker heap not read: ${f.coldHeaps.workerNote}` : ''}.`
    );
  });
  await writeResult(
    'app-search',
    'App: search in the real renderer (press-archive serve + Chromium), synthetic Hindi archive',
    markdownTable(
      [
        'clippings',
        'import (CLI, feed size)',
        'first start: first rows / index ready / first answer',
        'index saved after ready',
        'reload: first rows / index ready / first answer',
        'relaunch: first rows / index ready / first answer',
        'typing: answer p50 / p95',
        'scrolling: frames / p95 gap / longest gap',
        'heap: page / worker built (+buffers) / worker loaded (+buffers)',
      ],
      rows,
    ),
    [
      `Each size: a new archive made by \`press-archive import\` from an NDJSON feed of synthetic clippings of ~350 words (one file, unless the CLI cannot take it: see below) ` +
        `(bench/support/hindi-corpus.ts), served by \`press-archive serve\`, opened in headless Debian Chromium ` +
        `(1280×800) with a new profile. Times are from the start of navigation, in the page's clock.`,
      `First rows: the first result row is in the page (no query), at the next animation frame. ` +
        `Index ready: the search worker says its index is ready (built from every clipping the first time; ` +
        `loaded from IndexedDB the next time). First answer: "${FIRST_QUERY}" was typed as soon as the first rows showed; ` +
        `the time the result count names it. Index saved: the worker writes the index to IndexedDB ${'2 s'} after it is ready; ` +
        `time from ready until the record is there. Reload: the page reloaded (same profile, same serve process, ` +
        `so the archive is already in memory there). Relaunch: browser and serve quit and started again on the same ` +
        `port and profile, as a person does the next day — the archive is read from disk again, the index comes from ` +
        `IndexedDB. Each cell: first rows / index ready (with how, if not as expected) / first answer.`,
      `Typing: ${TYPED.length} queries of 1–3 words (syntheticQueries), each put in the search box as one input event; ` +
        `from that event to the frame after the result count shows the new query's count.`,
      `Scrolling: the results for "${LONG_QUERY}", wheel-scrolled 400 px every ~16 ms for ${SCROLL_MS / 1000} s; ` +
        `frames are requestAnimationFrame callbacks in the page, gaps between them (16.7 ms is smooth).`,
      `Heap: V8 heap in use after a garbage collection — the page (Performance.getMetrics, after the reload), ` +
        `and the search worker (Runtime.getHeapUsage in the worker's own DevTools target) after the first start ` +
        `(index built) and after the reload (index loaded; read after typing and scrolling, as the forced collection ` +
        `discards compiled code); "+ buffers" is ArrayBuffer memory outside the heap ` +
        `(the index's typed arrays), as that call reports it.`,
      ...details,
      ...notes,
    ].join('\n\n'),
  );
});
