// Importing a large NDJSON feed: parse, validate, skip duplicates, write in one go.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'vitest';
import { ArchiveService } from '../archive/service.ts';
import { FIRST_ARTICLE_TEXT } from '../archive/seed/index.ts';
import { runCliProcess } from '../tests/support/cli.ts';
import { tempDir } from '../tests/support/temp.ts';
import { markdownTable, ms, writeResult } from './support/table.ts';

const COUNTS = (process.env.BENCH_IMPORT_COUNTS ?? '10000').split(',').map(Number);

it('import: NDJSON feeds', async () => {
  const rows: (string | number)[][] = [];
  for (const count of COUNTS) {
    const { dir, cleanup } = await tempDir('press-archive-bench-');
    const lines = Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        title: `समाचार ${i}`,
        body: `${i} ${FIRST_ARTICLE_TEXT}`,
        publication: 'दैनिक',
        date: '2024-05-01',
        tags: ['फ़ीड'],
      }),
    );
    const file = join(dir, 'feed.ndjson');
    await writeFile(file, lines.join('\n'));
    const sizeMb = Buffer.byteLength(lines.join('\n')) / 2 ** 20;

    const service = await ArchiveService.open(join(dir, 'service'));
    let start = performance.now();
    const report = await service.importFiles({ files: [{ name: 'feed.ndjson', content: lines.join('\n') }] });
    const serviceMs = performance.now() - start;
    if (report.added !== count) throw new Error(`imported ${report.added} of ${count}`);

    start = performance.now();
    const cli = await runCliProcess(['import', '--archive', join(dir, 'cli'), file, '--json'], {
      PRESS_ARCHIVE_CACHE_DIR: join(dir, 'cache'),
    }); // as a user runs it
    const cliMs = performance.now() - start;
    if (cli.code !== 0) throw new Error(cli.stderr);

    // The first search after the import (the import updated the saved search index), against the
    // time it takes just to read and parse the archive's files.
    start = performance.now();
    const searched = await runCliProcess(['search', '--archive', join(dir, 'cli'), 'समाचार', '--json'], {
      PRESS_ARCHIVE_CACHE_DIR: join(dir, 'cache'),
    });
    const firstSearchMs = performance.now() - start;
    if (searched.code !== 0) throw new Error(searched.stderr);
    start = performance.now();
    for (const file of await readdir(join(dir, 'cli', 'shards'))) {
      JSON.parse(await readFile(join(dir, 'cli', 'shards', file), 'utf8'));
    }
    const readParseMs = performance.now() - start;

    start = performance.now();
    const again = await service.importFiles({ files: [{ name: 'feed.ndjson', content: lines.join('\n') }] });
    const duplicateMs = performance.now() - start;
    if (again.skipped !== count) throw new Error(`skipped ${again.skipped} of ${count}`);

    rows.push([
      count.toLocaleString('en'),
      `${sizeMb.toFixed(1)} MB`,
      ms(serviceMs),
      ms(cliMs),
      `${ms(firstSearchMs)} (${(firstSearchMs / readParseMs).toFixed(1)}× reading and parsing the archive, ${ms(readParseMs)})`,
      ms(duplicateMs),
    ]);
    await cleanup();
  }
  await writeResult(
    'import',
    'Import: one NDJSON file of ~6 KB Hindi clippings',
    markdownTable(
      [
        'clippings',
        'file',
        'service import',
        'CLI import (process start to exit, search index updated)',
        'first CLI search after it (process start to exit)',
        're-import, all skipped as duplicates',
      ],
      rows,
    ),
  );
});
