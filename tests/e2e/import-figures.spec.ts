// An import as a person makes it in the app, watched from the page: the archive's determinate
// progress shows, the summary comes, then the list and the search index catch up, and search finds
// every new clipping. Along the way a requestAnimationFrame probe records the longest gap between
// frames, and the same file is imported with the CLI for comparison. Those durations are REPORTED
// (annotations and the log), never asserted. The import is small so that the suite stays quick; the
// figures at 15,000 clippings are the benchmark's business (bench/app-import.measure.ts).
import type { Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Envelope, SearchDoc } from '../../archive/api.ts';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { expect, test } from './fixtures.ts';

const RECORDS = 1_500;
const PATIENCE = { timeout: 120_000 };
test.describe.configure({ timeout: 300_000 });

/** One NDJSON feed of short Hindi news items (about 400 bytes each). */
async function feed(dir: string): Promise<string> {
  const lines = Array.from({ length: RECORDS }, (_, i) =>
    JSON.stringify({
      title: `नगर निगम की बैठक ${i}`,
      body: `बैठक ${i} में पार्षदों ने सड़कों की मरम्मत, जल निकासी और स्ट्रीट लाइटों पर चर्चा की। महापौर ने कहा कि काम जल्द शुरू होगा।`,
      publication: i % 2 ? 'अमर उजाला' : 'हिंदुस्तान',
      tags: ['नगर निगम'],
    }),
  );
  const path = join(dir, 'feed.ndjson');
  await writeFile(path, lines.join('\n'));
  return path;
}

interface Probe {
  t0: number;
  gaps: [number, number][];
  determinate?: number;
  summary?: number;
  ready: number[];
  running: boolean;
}

/** Before the page's scripts: the worker's `ready` messages (page clock). */
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

/** The frame probe, and when the determinate bar and the summary first show. */
function startProbe(): void {
  const w = window as unknown as { __probe: Probe; __ready: number[] };
  const probe: Probe = { t0: 0, gaps: [], ready: w.__ready, running: true };
  w.__probe = probe;
  let previous = performance.now();
  const frame = (now: number) => {
    probe.gaps.push([now, now - previous]);
    previous = now;
    if (probe.running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document
    .querySelector('[data-testid="import-input"]')!
    .addEventListener('change', () => (probe.t0 = performance.now()), { capture: true });
  new MutationObserver(() => {
    const now = performance.now();
    if (probe.determinate === undefined && document.querySelector('[data-testid="import-progress"] progress[value]'))
      probe.determinate = now;
    if (probe.summary === undefined && document.querySelector('[data-testid="import-summary"]')) probe.summary = now;
  }).observe(document.body, { childList: true, subtree: true, attributes: true });
}

async function stopProbe(page: Page) {
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe;
    probe.running = false;
    return probe;
  });
}

test('a 1,500-clipping import: determinate progress, summary, list and search caught up (figures reported)', async ({
  page,
  appUrl,
}) => {
  const { dir, cleanup } = await tempDir('press-archive-import-figures-');
  try {
    const path = await feed(dir);
    await page.addInitScript(watchWorker);
    await page.goto(appUrl);
    await expect(page.getByTestId('result-item')).toHaveCount(1);
    await page.waitForFunction(() => (window as unknown as { __ready: number[] }).__ready.length > 0);
    await page.evaluate(startProbe);

    // The search worker asks for the new clippings as the import begins, and gets them while the
    // archive writes them: it builds the new index meanwhile.
    const handedOut = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/importingCorpus', PATIENCE);
    await page.getByTestId('import-input').setInputFiles(path);
    await expect(page.getByTestId('import-added')).toHaveText(`Added: ${RECORDS}`, PATIENCE);
    // The determinate bar may come and go between two polls of a locator: the page's own observer
    // saw it, before the summary.
    const seen = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
    expect(seen.determinate, 'a determinate progress bar showed').toBeDefined();
    expect(seen.determinate!).toBeLessThanOrEqual(seen.summary!);
    await expect(page.getByTestId('result-count')).toHaveText(`${RECORDS + 1} clippings`, PATIENCE);
    // Caught up: the worker said ready after the summary, and search finds every new clipping.
    await page.waitForFunction(
      () => {
        const probe = (window as unknown as { __probe: Probe }).__probe;
        return probe.summary !== undefined && probe.ready.some((t) => t > probe.summary!);
      },
      null,
      PATIENCE,
    );
    const caughtUp = await page.evaluate(() => performance.now());
    const envelope = JSON.parse((await (await handedOut).body()).toString('utf8')) as Envelope<SearchDoc[]>;
    expect(envelope.ok && envelope.value.length, 'the clippings handed to the worker during the import').toBe(RECORDS);
    await page.getByTestId('search-input').fill('पार्षदों');
    await expect(page.getByTestId('result-count')).toHaveText(`${RECORDS} results for “पार्षदों”`);
    const probe = await stopProbe(page);

    const cliArchive = join(dir, 'cli');
    const started = performance.now();
    const cli = await runCli(['import', '--archive', cliArchive, path, '--json']);
    const cliMs = performance.now() - started;
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ added: RECORDS });

    const longest = (from: number, to: number) =>
      Math.max(0, ...probe.gaps.filter(([at]) => at > from && at <= to).map(([, gap]) => gap));
    const figures = {
      'determinate progress shows (ms after the file is chosen)': Math.round(probe.determinate! - probe.t0),
      'longest frame gap until the summary (ms)': Math.round(longest(probe.t0, probe.summary!)),
      'longest frame gap while list and index catch up (ms)': Math.round(longest(probe.summary!, caughtUp)),
      'import in the app until list and search are ready (ms)': Math.round(caughtUp - probe.t0),
      'press-archive import of the same file (ms)': Math.round(cliMs),
      'app ÷ CLI': Number(((caughtUp - probe.t0) / cliMs).toFixed(2)),
    };
    for (const [type, value] of Object.entries(figures)) {
      test.info().annotations.push({ type, description: String(value) });
    }
    console.log(`import of ${RECORDS} clippings: ${JSON.stringify(figures)}`);
  } finally {
    await cleanup();
  }
});
