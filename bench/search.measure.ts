// Search: this engine (FlexSearch's Document holding the postings, our layers around it) side by
// side with the same engine before, on its own postings store (bench/support/previous-engine), with
// FlexSearch alone (default options, and our Hindi encoder), MiniSearch and SQLite FTS5 on the same
// synthetic Hindi corpus (bench/support/hindi-corpus.ts) at 10,000 and 100,000 clippings of ~350
// words: build time, query p50/p95 over 250 queries of 1–3 words, index memory, cold start to the
// first answer from what was saved, recall on the labelled set (tests/search-eval), and whether this
// engine answers the 250 queries (whole words and while typing) exactly as before.
// Every figure comes from a fresh Node process (search-runner.ts) with --expose-gc.
// BENCH_SEARCH_SIZES=10000 for a quick look; BENCH_SEARCH_PEERS=ours,sqlite to run only some;
// BENCH_SEARCH_OPTIONS=0 leaves out the measure of FlexSearch's options (six more builds).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { it } from 'vitest';
import { PEERS } from './support/search-peers.ts';
import { markdownTable, ms, writeResult } from './support/table.ts';

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number);
const PEER_NAMES = (process.env.BENCH_SEARCH_PEERS ?? 'previous,ours,flexDefault,flexHindi,mini,sqlite').split(',');
const ROOT = resolve(import.meta.dirname, '..');
const RUNNER_DIR = join(ROOT, 'out', 'bench-search');

async function buildRunner(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: join(ROOT, 'bench', 'search-runner.ts'),
      outDir: RUNNER_DIR,
      target: 'node20',
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'search-runner.js', format: 'es' } },
    },
  });
  return join(RUNNER_DIR, 'search-runner.js');
}

type Figures = Record<string, number> & { answers?: string[] };

function run(runner: string, args: string[]): Promise<Figures | { error: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=16000', runner, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        if (code === 0) return done(JSON.parse(line) as Figures);
      } catch {
        // reported below
      }
      done({ error: (stderr.trim().split('\n').at(-1) ?? `exit ${code}`).slice(0, 120) });
    });
  });
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const seconds = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : ms(value));

it('search: this engine and its peers', async () => {
  const runner = await buildRunner();
  const work = await mkdtemp(join(tmpdir(), 'press-archive-bench-search-'));
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  try {
    const recall = new Map<string, Figures | { error: string }>();
    for (const name of PEER_NAMES)
      recall.set(name, await run(runner, ['recall', name, '0', join(work, `recall-${name}`)]));
    for (const size of SIZES) {
      const archive = await run(runner, ['archive', '-', String(size), join(work, `archive-${size}`)]);
      if (!('error' in archive)) {
        notes.push(
          `${size.toLocaleString('en')} clippings: ${mb(archive.bytes!)} of archive JSON; reading and parsing it takes ${seconds(archive.readParseMs!)}, so the cold-start target (3×) is ${seconds(3 * archive.readParseMs!)}.`,
        );
      }
      await rm(join(work, `archive-${size}`), { recursive: true, force: true });
      const answers = new Map<string, string[]>();
      const reopenCpu = new Map<string, number>();
      for (const name of PEER_NAMES) {
        const dir = join(work, `${name}-${size}`);
        const built = await run(runner, ['build', name, String(size), dir]);
        const opened = 'error' in built ? built : await run(runner, ['open', name, String(size), dir]);
        await rm(dir, { recursive: true, force: true });
        const r = recall.get(name)!;
        if ('error' in built) {
          rows.push([
            PEERS[name]!.name,
            size.toLocaleString('en'),
            `failed: ${built.error}`,
            '',
            '',
            '',
            '',
            '',
            '',
            '',
          ]);
          continue;
        }
        if (built.answers) answers.set(name, built.answers);
        const before = answers.get('previous');
        const now = answers.get('ours');
        const same =
          name === 'ours' && before && now
            ? `${now.filter((a, i) => a === before[i]).length}/${now.length} identical`
            : '';
        if (built.typingP95 !== undefined) {
          notes.push(
            `${PEERS[name]!.name}, ${size.toLocaleString('en')}: the 250 queries cut short as while typing (the last word also a beginning) answered in p50 ${ms(built.typingP50!)}, p95 ${ms(built.typingP95)}.`,
          );
        }
        if (!('error' in opened)) {
          reopenCpu.set(name, opened.coldCpuMs!);
          const previous = reopenCpu.get('previous');
          const versus =
            name === 'ours' && previous !== undefined
              ? ` (${(opened.coldCpuMs! / previous).toFixed(2)}× the engine before in CPU time)`
              : '';
          notes.push(
            `${PEERS[name]!.name}, ${size.toLocaleString('en')}: saving took ${seconds(built.saveMs!)}; ` +
              `reopening: read and restored in ${seconds(opened.openMs!)} (CPU ${seconds(opened.openCpuMs!)}), ` +
              `to the first answer ${seconds(opened.coldMs!)} (CPU ${seconds(opened.coldCpuMs!)})${versus}, ` +
              `${mb(opened.openedHeapBytes!)} of heap + buffers in the new process.`,
          );
        }
        rows.push([
          PEERS[name]!.name,
          size.toLocaleString('en'),
          seconds(built.buildMs!),
          ms(built.p50!),
          ms(built.p95!),
          name === 'sqlite' ? `${mb(built.rssBytes!)} (RSS; outside the JS heap)` : mb(built.heapBytes!),
          'error' in opened ? `failed: ${opened.error}` : seconds(opened.coldMs!),
          'error' in r ? r.error : `${pct(r.recall!)} (${pct(r.recallWords!)})`,
          'error' in r ? '' : `${pct(r.precision!)}`,
          same,
        ]);
      }
    }
    // FlexSearch's options and what each costs (bench/support/flex-options.ts).
    // At the first size only: each variant is a whole build.
    for (const size of process.env.BENCH_SEARCH_OPTIONS === '0' ? [] : SIZES.slice(0, 1)) {
      const o = (await run(runner, ['options', '-', String(size), '-'])) as unknown as
        { rows: { name: string; bytes: number; ms: number }[]; engineBytes: number } | { error: string };
      if ('error' in o) {
        notes.push(`FlexSearch options, ${size.toLocaleString('en')} clippings: failed: ${o.error}`);
        continue;
      }
      const [chosen, ...others] = o.rows;
      notes.push(
        `FlexSearch options, ${size.toLocaleString('en')} clippings — memory of the Document alone, the same postings added through add(): ` +
          [chosen!, ...others]
            .map((r) => {
              const delta =
                r === chosen ? '' : ` (${r.bytes >= chosen!.bytes ? '+' : ''}${mb(r.bytes - chosen!.bytes)})`;
              return `${r.name}: ${mb(r.bytes)}${delta}, ${seconds(r.ms)}`;
            })
            .join('; ') +
          `. The engine's own Document, built in bulk through FlexSearch's import (no spare room in its arrays): ${mb(o.engineBytes)}.`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await writeResult(
    'search',
    'Search: this engine and its peers on the same synthetic Hindi corpus',
    markdownTable(
      [
        'engine',
        'clippings',
        'build',
        'query p50',
        'query p95',
        'index memory',
        'cold start to first answer',
        'recall, labelled set (words only)',
        'precision',
        'answers to the 250 queries vs before',
      ],
      rows,
    ),
    [
      'Clippings of ~350 words (bench/support/hindi-corpus.ts); 250 queries of 1–3 words, every word required, 50 results. ' +
        'The last column compares the first 50 ids of each query, typed whole and cut short while typing, with the engine before (the two engines are built in separate processes of the same run). ' +
        'Index memory: JS heap + typed arrays after the build, garbage collected, corpus not held. ' +
        'Cold start: a new process opens what the build saved and answers one query. ' +
        'Recall and precision on tests/search-eval (100 queries over 50 clippings); peers get the plain words of each query, ' +
        'since they have no fields, dates or phrases — "words only" is the share on the queries that are plain words.',
      ...notes,
    ].join('\n\n'),
  );
});
