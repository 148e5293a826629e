// One measurement in a fresh process (so heap figures and cold starts are not disturbed by other
// engines): node --expose-gc out/bench-search/search-runner.js MODE PEER SIZE DIR
//   build   build from the synthetic corpus, measure heap and query latency, save to DIR
//   open    open what build saved, answer one query: the cold start
//   recall  build over the labelled clippings, run the labelled queries
//   options FlexSearch's options and what each costs in memory (support/flex-options.ts)
//   archive write the corpus as archive-like JSON shards in DIR (once), time reading + parsing them
//   profile build only, and say how long garbage collection took of it (for node --cpu-prof runs)
// Prints one JSON line with the figures.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { tokenize } from '../archive/search/tokenize.ts';
import { EVAL_DOCS } from '../tests/search-eval/clippings.ts';
import { evaluate } from '../tests/search-eval/evaluate.ts';
import { QUERIES } from '../tests/search-eval/queries.ts';
import { syntheticClipping, syntheticCorpus, syntheticQueries } from './support/hindi-corpus.ts';
import { measureOptions } from './support/flex-options.ts';
import { PEERS } from './support/search-peers.ts';

const [mode, peerName, sizeText, dir] = process.argv.slice(2);
const size = Number(sizeText);
const gc = (globalThis as { gc?: () => void }).gc;

function settledMemory(): { heap: number; rss: number } {
  for (let i = 0; i < 3; i++) gc?.();
  const m = process.memoryUsage();
  // Typed arrays live outside the JS heap ("external"); they are part of an index all the same.
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))]!;
}

/** The words of a labelled query without our syntax, for engines that have none of it. */
function plainWords(query: string): string {
  const withoutSyntax = query
    .split(/\s+/)
    .filter((part) => part !== 'OR' && !part.startsWith('-') && !/^(date|sort):/.test(part))
    .map((part) => part.replace(/^[\p{L}]+:/u, ''))
    .join(' ');
  return tokenize(withoutSyntax)
    .map((t) => t.text)
    .join(' ');
}

const WORD_CATEGORIES = new Set(['exact', 'variant spelling', 'inflection', 'latin name', 'acronym', 'digits']);

async function main(): Promise<unknown> {
  if (mode === 'archive') {
    const shards = join(dir!, 'shards');
    await mkdir(shards, { recursive: true });
    if ((await readdir(shards)).length === 0) {
      for (let start = 0; start < size; start += 250) {
        const clippings = [];
        for (let n = start; n < Math.min(size, start + 250); n++) clippings.push(syntheticClipping(n));
        await writeFile(
          join(shards, `${String(start / 250).padStart(6, '0')}.json`),
          JSON.stringify({ clippings }, null, 2),
        );
      }
    }
    const started = performance.now();
    let bytes = 0;
    let count = 0;
    for (const file of await readdir(shards)) {
      const text = await readFile(join(shards, file), 'utf8');
      bytes += Buffer.byteLength(text);
      count += (JSON.parse(text) as { clippings: unknown[] }).clippings.length;
    }
    return { readParseMs: performance.now() - started, bytes, count };
  }
  if (mode === 'options') return measureOptions(size, () => settledMemory().heap);
  const kind = PEERS[peerName!];
  if (!kind) throw new Error(`no peer ${peerName}`);
  if (mode === 'recall') {
    await mkdir(dir!, { recursive: true });
    const peer = kind.create(dir!);
    peer.build(EVAL_DOCS);
    const all = evaluate((q) => peer.search(peer.typing ? q : plainWords(q), 1000));
    const words = evaluate(
      (q) => peer.search(peer.typing ? q : plainWords(q), 1000),
      QUERIES.filter((q) => WORD_CATEGORIES.has(q.category)),
    );
    return { recall: all.recall, precision: all.precision, recallWords: words.recall, precisionWords: words.precision };
  }
  if (mode === 'profile') {
    let gcMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcMs += entry.duration;
    });
    observer.observe({ entryTypes: ['gc'] });
    const peer = kind.create(dir!);
    const cpu = process.cpuUsage();
    const started = performance.now();
    peer.build(syntheticCorpus(size));
    const buildMs = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    for (const entry of observer.takeRecords()) gcMs += entry.duration;
    observer.disconnect();
    return { buildMs, cpuMs: (user + system) / 1000, gcMs, heapBytes: settledMemory().heap };
  }
  if (mode === 'build') {
    await mkdir(dir!, { recursive: true });
    const before = settledMemory();
    const peer = kind.create(dir!);
    const started = performance.now();
    peer.build(syntheticCorpus(size));
    const buildMs = performance.now() - started;
    const after = settledMemory();
    const queries = syntheticQueries(250);
    for (const q of queries.slice(0, 20)) peer.search(q, 50); // warm up
    const times: number[] = [];
    let empty = 0;
    for (const q of queries) {
      const t = performance.now();
      const hits = peer.search(q, 50);
      times.push(performance.now() - t);
      if (hits.length === 0) empty += 1;
    }
    times.sort((a, b) => a - b);
    // What each query answered, whole words and while typing (cut short by two letters), as one
    // short hash per query: the benchmark compares them between engines.
    const typingTimes: number[] = [];
    const answers = queries.map((q) => {
      const t = performance.now();
      const typed = peer.typing?.(q.slice(0, Math.max(2, q.length - 2)), 50) ?? [];
      if (peer.typing) typingTimes.push(performance.now() - t);
      return createHash('sha256')
        .update(JSON.stringify([peer.search(q, 50), typed]))
        .digest('hex')
        .slice(0, 12);
    });
    const saveStarted = performance.now();
    await peer.save(dir!);
    const saveMs = performance.now() - saveStarted;
    return {
      buildMs,
      heapBytes: after.heap - before.heap,
      rssBytes: after.rss - before.rss,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      // Cut short as while typing (the last word also a beginning): the engine's share of a keystroke.
      ...(typingTimes.length > 0 && {
        typingP50: percentile(
          typingTimes.sort((a, b) => a - b),
          0.5,
        ),
        typingP95: percentile(typingTimes, 0.95),
      }),
      queries: times.length,
      empty,
      saveMs,
      answers,
    };
  }
  if (mode === 'open') {
    // CPU time beside the wall clock: on a shared machine it is the figure that survives the load.
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const { user, system } = process.cpuUsage(since);
      return (user + system) / 1000;
    };
    const cpu = process.cpuUsage();
    const started = performance.now();
    const peer = await kind.open(dir!);
    const openMs = performance.now() - started;
    const openCpuMs = cpuMs(cpu);
    const hits = peer.search(syntheticQueries(1, 7)[0]!, 50);
    const coldMs = performance.now() - started;
    const coldCpuMs = cpuMs(cpu);
    const memory = settledMemory();
    return { coldMs, openMs, openCpuMs, coldCpuMs, hits: hits.length, openedHeapBytes: memory.heap };
  }
  throw new Error(`unknown mode ${mode}`);
}

process.stdout.write(JSON.stringify(await main()) + '\n');
