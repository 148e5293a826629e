// Hindi word forms: recall by word class and false conflation on tests/morphology, Lucene's own
// Hindi test pairs, for this engine and for Lucene 4.10's HindiAnalyzer measured in the same run
// (through Java, when java and the Debian jars are there), plus a sample searched end to end with
// the CLI, and the search-while-typing p95 that the analysis chain must not make slower.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'vitest';
import { DEFAULT_MORPHOLOGY } from '../archive/search/morphology.ts';
import {
  allTexts,
  engineFinds,
  keysFinds,
  lucenePairsFound,
  measureMorphology,
  morphologyReport,
  pct,
  type Finds,
  type MorphologyScores,
} from '../tests/morphology/measure.ts';
import { DIFFERENT_PAIRS, PARADIGMS } from '../tests/morphology/paradigms.ts';
import { markdownTable, ms, writeResult } from './support/table.ts';
import { measureTyping } from './support/typing.ts';

const ROOT = resolve(import.meta.dirname, '..');
const JARS = ['lucene-core-4.10.4.jar', 'lucene-analyzers-common-4.10.4.jar'].map((j) => join('/usr/share/java', j));
const TYPING_CLIPPINGS = Number(process.env.BENCH_TYPING_CLIPPINGS ?? 10_000);

/** Why Lucene cannot run here, or undefined when it can. */
function luceneMissing(): string | undefined {
  if (spawnSync('java', ['-version']).error) return 'no java on this machine';
  const missing = JARS.find((jar) => !existsSync(jar));
  return missing === undefined ? undefined : `${missing} is not installed (Debian liblucene4.10-java)`;
}

/** Every text through Lucene's HindiAnalyzer, in one Java process. */
function luceneTokens(texts: string[]): Promise<Map<string, string[]>> {
  return new Promise((done, fail) => {
    const child = spawn('java', ['-cp', JARS.join(':'), join(ROOT, 'bench', 'support', 'LuceneHindi.java')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`java exited ${code}: ${stderr.slice(0, 300)}`));
      const lines = stdout.split('\n');
      done(new Map(texts.map((text, i) => [text, lines[i] ? lines[i].split('\t') : []])));
    });
    child.stdin.end(texts.join('\n') + '\n');
  });
}

/** Lucene as a search: the query's terms against the clipping's terms (a stopword query finds nothing). */
function luceneFinds(tokens: Map<string, string[]>): Finds {
  return (query, text) => {
    const terms = new Set(tokens.get(text));
    return (tokens.get(query) ?? []).some((t) => terms.has(t));
  };
}

interface CliSample {
  lemmas: number;
  forms: number;
  found: number;
}

/** A few lemmas per class searched with `press-archive search` against an archive of their forms. */
async function cliSample(perClass: number): Promise<CliSample | string> {
  const cli = join(ROOT, 'out', 'cli', 'press-archive.js');
  if (!existsSync(cli)) return 'the CLI is not built (npm run build)';
  const sample = (['noun', 'adjective', 'verb'] as const).flatMap((c) => {
    const of = PARADIGMS.filter((p) => p.wordClass === c);
    return Array.from({ length: perClass }, (_, i) => of[Math.floor((i * of.length) / perClass)]!);
  });
  const texts = [...new Set(sample.flatMap((p) => p.forms))];
  const dir = await mkdtemp(join(tmpdir(), 'pa-morph-'));
  try {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [cli, ...args, '--archive', join(dir, 'archive')], {
        encoding: 'utf8',
        env: { ...process.env, PRESS_ARCHIVE_CACHE_DIR: join(dir, 'cache') },
      });
    const file = join(dir, 'forms.json');
    await writeFile(file, JSON.stringify(texts.map((body, i) => ({ title: String(i + 1), body }))));
    const imported = run('import', file);
    if (imported.status !== 0) return `import failed: ${imported.stderr.slice(0, 200)}`;
    let forms = 0;
    let found = 0;
    for (const p of sample) {
      const result = run('search', p.lemma, '--json', '--limit', '1000');
      if (result.status !== 0) return `search failed: ${result.stderr.slice(0, 200)}`;
      const titles = new Set((JSON.parse(result.stdout) as { hits: { title: string }[] }).hits.map((h) => h.title));
      for (const form of p.forms.slice(1).filter((f) => f !== p.lemma)) {
        forms += 1;
        if (titles.has(String(texts.indexOf(form) + 1))) found += 1;
      }
    }
    return { lemmas: sample.length, forms, found };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function row(name: string, s: MorphologyScores): string[] {
  return [
    name,
    pct(s.recall),
    pct(s.byClass.noun),
    pct(s.byClass.adjective),
    pct(s.byClass.verb),
    pct(s.falseConflation),
    pct(lucenePairsFound(s)),
  ];
}

it('Hindi word forms: this engine and Lucene 4.10 HindiAnalyzer', async () => {
  const ours = measureMorphology(engineFinds());
  console.log(morphologyReport('Press Archive', ours));
  const rows = [row('Press Archive (engine)', ours)];
  const notes: string[] = [];
  const apart = measureMorphology(keysFinds({ ...DEFAULT_MORPHOLOGY, genders: false }));
  const noPlural = measureMorphology(keysFinds({ ...DEFAULT_MORPHOLOGY, pluralGender: false }));
  rows.push(row('… genders kept apart', apart), row('… plural -ों not joined to -ी', noPlural));

  const missing = luceneMissing();
  if (missing === undefined) {
    const lucene = measureMorphology(luceneFinds(await luceneTokens(allTexts())));
    console.log(morphologyReport('Lucene 4.10 HindiAnalyzer', lucene));
    rows.push(row('Lucene 4.10 HindiAnalyzer', lucene));
  } else {
    rows.push(['Lucene 4.10 HindiAnalyzer', `skipped: ${missing}`, '', '', '', '', '']);
  }

  const cli = await cliSample(4);
  notes.push(
    typeof cli === 'string'
      ? `CLI sample skipped: ${cli}.`
      : `End to end with the CLI (\`press-archive search\`, ${cli.lemmas} lemmas, an archive of their forms): ${cli.found}/${cli.forms} forms found (${pct(cli.found / cli.forms)}).`,
  );

  const typing = measureTyping(TYPING_CLIPPINGS);
  notes.push(
    `Search while typing (${typing.keystrokes} keystrokes, ${typing.clippings.toLocaleString('en')} synthetic clippings, in process): p50 ${ms(typing.p50)}, p95 ${ms(typing.p95)}.`,
  );
  notes.push(
    `${PARADIGMS.length} lemmas with their paradigms and ${DIFFERENT_PAIRS.length} pairs of different words (tests/morphology/paradigms.ts); recall is the mean per lemma of the forms its citation form finds; false conflation is the share of pairs where either word finds the other; Lucene pairs: TestHindiStemmer/TestHindiNormalizer (Apache-2.0), forms of one word meeting both ways.`,
  );
  await writeResult(
    'morphology',
    'Hindi word forms (tests/morphology)',
    markdownTable(
      ['analyzer', 'recall per lemma', 'nouns', 'adjectives', 'verbs', 'false conflation', "Lucene's pairs"],
      rows,
    ),
    notes.join('\n\n'),
  );
});
