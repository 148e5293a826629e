// Progress of the search index's first build, as the page sees it: the worker reports clippings
// indexed of all after each batch (recorded from the worker's own messages, so nothing here
// depends on how fast the machine builds).
import { runCli } from '../support/cli.ts';
import { expect, test } from './fixtures.ts';
import { tempDir } from '../support/temp.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CLIPPINGS = 3000;

test('the first build of the search index reports clippings indexed of all', async ({ page, appUrl, archiveDir }) => {
  const { dir, cleanup } = await tempDir('press-archive-index-progress-');
  try {
    const feed = join(dir, 'feed.ndjson');
    const lines = Array.from({ length: CLIPPINGS }, (_, i) =>
      JSON.stringify({ title: `सूचकांक की कतरन ${i}`, body: `नगर निगम की बैठक ${i} में सड़कों पर चर्चा हुई।` }),
    );
    await writeFile(feed, lines.join('\n'));
    expect((await runCli(['import', '--archive', archiveDir, feed])).code).toBe(0);
  } finally {
    await cleanup();
  }
  await page.addInitScript(() => {
    const seen: { done: number; total: number }[] = [];
    (window as unknown as { __indexed: typeof seen }).__indexed = seen;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<{ type?: string; done: number; total: number }>) => {
          if (e.data?.type === 'indexed') seen.push({ done: e.data.done, total: e.data.total });
        });
      }
    };
  });
  await page.goto(appUrl);
  await page.getByTestId('search-input').fill('सूचकांक');
  await expect(page.getByTestId('result-count')).toHaveText(`${CLIPPINGS} results for “सूचकांक”`);
  const seen = await page.evaluate(
    () => (window as unknown as { __indexed: { done: number; total: number }[] }).__indexed,
  );
  const total = CLIPPINGS + 1; // and the first clipping every archive starts with
  // The worker indexes 1,000 at a time (search.worker.ts); the last step ends in `ready` instead.
  expect(seen).toEqual(Array.from({ length: 3 }, (_, i) => ({ done: (i + 1) * 1000, total })));
  await expect(page.getByTestId('index-progress')).toHaveCount(0);
});
