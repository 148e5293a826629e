// OCR of Hindi scans: character error rate and time per page of tesseract.js (what the app runs)
// next to Debian's tesseract CLI (the reference) on the same generated scans, in the same run;
// whether deskew / binarisation help; and memory while 50 pages go through one reused worker.
// Targets: CER ≤ 2 % on every scan at ≤ 2° skew; tesseract.js ≤ 1.5 × the CLI's time per page;
// memory bounded over 50 pages.
//
// BENCH_OCR_PARTS=engines,preprocess,memory chooses parts; BENCH_OCR_PAGES sets the page count of
// the memory part (default 50); BENCH_OCR_SCANS=s01,s04 limits the scans (for a quick try).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'vitest';
import { characterErrorRate, wordRecall } from './ocr/cer.ts';
import { archiveOcr, debianModel, npmModel, tesseractCli, tesseractJs, type Engine } from './ocr/engines.ts';
import { decodeGray, encodePng } from './ocr/images.ts';
import { makeScans, type Scan } from './ocr/make-scans.ts';
import { deskew, type Gray } from '../archive/ocr/preprocess.ts';
import { binarizeSauvola } from './ocr/sauvola.ts';
import { markdownTable, RESULTS_DIR, writeResult } from './support/table.ts';

const PARTS = new Set((process.env.BENCH_OCR_PARTS ?? 'engines,preprocess,memory').split(','));
const PAGES = Number(process.env.BENCH_OCR_PAGES ?? 50);
// BENCH_OCR_DIR: another folder for the scans and OCR output, so that two parts can run at once.
const OUT_DIR = process.env.BENCH_OCR_DIR ?? RESULTS_DIR;
const SCANS_DIR = join(OUT_DIR, 'ocr-scans');
const WORK_DIR = join(OUT_DIR, 'ocr-work');

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

function describe(scan: Scan): string {
  const parts = [
    `${scan.sizePx} px ${scan.font.includes('Serif') ? 'serif' : 'sans'}`,
    `${scan.columns} col`,
    `${scan.skew}°`,
    scan.noise > 0 ? `noise ${scan.noise}` : 'no noise',
    scan.blur > 0 ? `blur ${scan.blur}` : '',
    scan.jpegQuality > 0 ? `JPEG q${scan.jpegQuality}` : 'PNG',
    scan.photo ? 'photo: perspective, uneven light' : '',
  ];
  return parts.filter(Boolean).join(', ');
}

async function timed(engine: Engine, image: string | Buffer): Promise<{ text: string; ms: number }> {
  const start = performance.now();
  const text = await engine.recognize(image);
  return { text, ms: performance.now() - start };
}

let scans: Scan[] | undefined;
async function theScans(): Promise<Scan[]> {
  const only = process.env.BENCH_OCR_SCANS?.split(',');
  scans ??= (await makeScans(SCANS_DIR)).filter((s) => !only || only.some((id) => s.id.startsWith(id)));
  await mkdir(WORK_DIR, { recursive: true });
  return scans;
}

it.runIf(PARTS.has('engines'))('ocr: CER and time per page, tesseract.js next to the CLI', async () => {
  const list = await theScans();
  // The CLI with Debian's models (tessdata_fast) is the reference the issue names. tesseract.js is
  // run with the models the app ships (@tesseract.js-data, "best_int" LSTM) and with Debian's, and
  // the CLI with the app's too, so that engine and model can be told apart.
  // BENCH_OCR_ENGINES=reference,app for a quick run of the two the targets compare.
  const only = process.env.BENCH_OCR_ENGINES?.split(',');
  const wanted = (key: string) => !only || only.includes(key);
  const engines: Engine[] = [
    ...(wanted('reference') ? [await tesseractCli('CLI, Debian hin', [debianModel('hin')], WORK_DIR)] : []),
    ...(wanted('cli1') ? [await tesseractCli('CLI, Debian hin, 1 thread', [debianModel('hin')], WORK_DIR, 1)] : []),
    ...(wanted('cli-npm')
      ? [await tesseractCli('CLI, npm hin+eng', [npmModel('hin'), npmModel('eng')], WORK_DIR)]
      : []),
    ...(wanted('js-hin') ? [await tesseractJs('tesseract.js, npm hin', [npmModel('hin')], WORK_DIR)] : []),
    ...(wanted('js')
      ? [await tesseractJs('tesseract.js, npm hin+eng', [npmModel('hin'), npmModel('eng')], WORK_DIR)]
      : []),
    ...(wanted('app') ? [archiveOcr('the app (levelling + tesseract.js, npm hin+eng)')] : []),
  ];
  const results = new Map<string, { cer: number; ms: number; recall: number }[]>(engines.map((e) => [e.name, []]));
  try {
    for (const engine of engines) await engine.warmUp?.(list[0]!.image);
    // Every engine reads a scan before the next scan, so a busy spell on the machine falls on all.
    for (const scan of list) {
      for (const engine of engines) {
        const { text, ms } = await timed(engine, scan.image);
        await writeFile(join(WORK_DIR, `${scan.id}.${engine.name.replace(/[^a-z0-9+]+/gi, '-')}.txt`), text);
        results
          .get(engine.name)!
          .push({ cer: characterErrorRate(scan.truth, text), ms, recall: wordRecall(scan.truth, text) });
      }
    }
  } finally {
    await Promise.all(engines.map((e) => e.close()));
  }

  const header = ['scan', 'made as', 'chars', ...engines.map((e) => `${e.name}: CER / time`)];
  const rows = list.map((scan, i) => [
    scan.id,
    describe(scan),
    Array.from(scan.truth.normalize('NFC').replace(/\s+/g, ' ').trim()).length,
    ...engines.map((e) => {
      const r = results.get(e.name)![i]!;
      return `${pct(r.cer)} / ${sec(r.ms)}`;
    }),
  ]);
  const mean = (name: string, pick: (r: { cer: number; ms: number }) => number, only = (_: Scan) => true) => {
    const values = results
      .get(name)!
      .filter((_, i) => only(list[i]!))
      .map(pick);
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  const upTo2 = (s: Scan) => Math.abs(s.skew) <= 2;
  const worst = (name: string) =>
    Math.max(
      ...results
        .get(name)!
        .filter((_, i) => upTo2(list[i]!))
        .map((r) => r.cer),
    );
  rows.push([
    '**mean**',
    '',
    '',
    ...engines.map((e) => `${pct(mean(e.name, (r) => r.cer))} / ${sec(mean(e.name, (r) => r.ms))}`),
  ]);
  rows.push(['**worst CER at ≤ 2°**', '', '', ...engines.map((e) => pct(worst(e.name)))]);

  const ratio = (a: string, b: string) => {
    if (!results.has(a) || !results.has(b)) return 'not run';
    const per = results.get(a)!.map((r, i) => r.ms / results.get(b)![i]!.ms);
    return `${(per.reduce((x, y) => x + y, 0) / per.length).toFixed(2)}× (max ${Math.max(...per).toFixed(2)}×)`;
  };
  const ratios = markdownTable(
    ['tesseract.js time per page ÷ CLI time per page (mean over the scans)', 'ratio'],
    [
      [
        'the app (levelling + npm hin+eng) ÷ CLI Debian hin (the reference)',
        ratio('the app (levelling + tesseract.js, npm hin+eng)', 'CLI, Debian hin'),
      ],
      [
        'npm hin+eng (tesseract.js) ÷ CLI Debian hin (the reference)',
        ratio('tesseract.js, npm hin+eng', 'CLI, Debian hin'),
      ],
      [
        'npm hin+eng (tesseract.js) ÷ CLI npm hin+eng (same model)',
        ratio('tesseract.js, npm hin+eng', 'CLI, npm hin+eng'),
      ],
      ['npm hin ÷ CLI Debian hin', ratio('tesseract.js, npm hin', 'CLI, Debian hin')],
      [
        'npm hin+eng (tesseract.js) ÷ CLI Debian hin, 1 thread',
        ratio('tesseract.js, npm hin+eng', 'CLI, Debian hin, 1 thread'),
      ],
    ],
  );
  await writeResult(
    'ocr-1-engines',
    'OCR: character error rate and time per page (tesseract.js and the tesseract CLI)',
    markdownTable(header, rows) +
      '\n\n' +
      ratios +
      '\n\nWords of the true text found in the OCR text (order ignored, bench/ocr/cer.ts wordRecall):\n\n' +
      markdownTable(
        ['scan', ...engines.map((e) => e.name)],
        list.map((scan, i) => [scan.id, ...engines.map((e) => pct(results.get(e.name)![i]!.recall))]),
      ),
    'CER: Levenshtein distance over Unicode code points after NFC and collapsing every run of white ' +
      'space to one space (bench/ocr/cer.ts), divided by the length of the true text. All engines: ' +
      'LSTM only (--oem 1), page segmentation mode 3. The CLI starts one process per page (model ' +
      'load included, as a user runs it); tesseract.js reuses one worker (its start-up is not in the ' +
      'time). "npm" models: @tesseract.js-data/hin and /eng (LSTM "best_int"); "Debian": ' +
      'tesseract-ocr-hin/-eng (tessdata_fast). Time on a shared, busy 2-core machine: compare the ' +
      'columns of one run, not runs.',
  );
});

it.runIf(PARTS.has('preprocess'))('ocr: does deskew or binarisation help?', async () => {
  const list = (await theScans()).filter((s) => s.skew !== 0 || s.noise > 0.4 || s.photo);
  const models = [npmModel('hin'), npmModel('eng')];
  const engine = await tesseractJs('tesseract.js, npm hin+eng', models, WORK_DIR);
  // Tesseract binarises every page itself (Otsu by default); its own Sauvola is the built-in rival.
  const tesseractSauvola = await tesseractJs('tesseract.js, Sauvola', models, WORK_DIR, { thresholding_method: '2' });
  const variants: { name: string; prepare: (g: Gray) => { image: Gray; note?: string } }[] = [
    { name: 'as scanned', prepare: (g) => ({ image: g }) },
    {
      name: 'deskew',
      prepare: (g) => {
        const d = deskew(g);
        return { image: d.image, note: `${d.skew}°` };
      },
    },
    { name: 'Sauvola', prepare: (g) => ({ image: binarizeSauvola(g) }) },
    {
      name: 'deskew + Sauvola',
      prepare: (g) => {
        const d = deskew(g);
        return { image: binarizeSauvola(d.image) };
      },
    },
  ];
  const rows: (string | number)[][] = [];
  const sums = new Map<string, number>();
  try {
    for (const scan of list) {
      const gray = await decodeGray(scan.image);
      const row: (string | number)[] = [scan.id, `${scan.skew}°${scan.photo ? ', photo' : ''}`];
      for (const variant of variants) {
        const start = performance.now();
        const { image, note } = variant.prepare(gray);
        const png = await encodePng(image);
        const prepareMs = performance.now() - start;
        const { text, ms } = await timed(engine, variant.name === 'as scanned' ? scan.image : png);
        const cer = characterErrorRate(scan.truth, text);
        sums.set(variant.name, (sums.get(variant.name) ?? 0) + cer);
        const cost = variant.name === 'as scanned' ? '' : `, +${sec(prepareMs)} prep`;
        row.push(`${pct(cer)}${note ? ` (found ${note})` : ''} — ${sec(ms)} OCR${cost}`);
      }
      const { text, ms } = await timed(tesseractSauvola, scan.image);
      const cer = characterErrorRate(scan.truth, text);
      sums.set('internal', (sums.get('internal') ?? 0) + cer);
      row.push(`${pct(cer)} — ${sec(ms)} OCR`);
      rows.push(row);
    }
  } finally {
    await Promise.all([engine.close(), tesseractSauvola.close()]);
  }
  const names = [...variants.map((v) => v.name), 'internal'];
  rows.push(['**mean**', '', ...names.map((n) => pct((sums.get(n) ?? 0) / list.length))]);
  await writeResult(
    'ocr-2-preprocess',
    'OCR: effect of deskew and binarisation in JavaScript before tesseract.js (npm hin+eng)',
    markdownTable(['scan', 'skew', ...variants.map((v) => v.name), "tesseract's own Sauvola"], rows),
    'Deskew: projection profiles over Otsu ink pixels (archive/ocr/preprocess.ts), then bilinear ' +
      'rotation. Sauvola: window ≈ 1/30 of the short side, k = 0.2. Tesseract binarises every page ' +
      'itself (Otsu) in all columns. Prep time includes PNG encoding.',
  );
});

it.runIf(PARTS.has('memory'))(`ocr: memory while ${PAGES} pages go through one worker`, async () => {
  const list = await theScans();
  const engine = await tesseractJs('tesseract.js, npm hin+eng', [npmModel('hin'), npmModel('eng')], WORK_DIR);
  const rss: number[] = [];
  let peak = process.memoryUsage().rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, process.memoryUsage().rss);
      await new Promise((done) => setTimeout(done, 200));
    }
  })();
  const before = process.memoryUsage().rss;
  const start = performance.now();
  try {
    for (let page = 0; page < PAGES; page++) {
      await engine.recognize(list[page % list.length]!.image);
      rss.push(process.memoryUsage().rss);
    }
  } finally {
    sampling = false;
    await sampler;
    await engine.close();
  }
  const seconds = (performance.now() - start) / 1000;
  const at = (n: number) => mib(rss[Math.min(rss.length, n) - 1]!);
  const firstHalfMax = Math.max(...rss.slice(0, Math.ceil(rss.length / 2)));
  const secondHalfMax = Math.max(...rss.slice(Math.ceil(rss.length / 2)));
  await writeResult(
    'ocr-3-memory',
    `OCR: memory (RSS of the process, worker thread included) over ${PAGES} pages, one reused worker`,
    markdownTable(
      [
        'after worker start',
        'after page 1',
        'page 10',
        'page 25',
        `page ${PAGES}`,
        'peak (sampled every 200 ms)',
        'max 1st half → max 2nd half',
        'time',
      ],
      [
        [
          mib(before),
          at(1),
          at(10),
          at(25),
          at(PAGES),
          mib(peak),
          `${mib(firstHalfMax)} → ${mib(secondHalfMax)}`,
          `${seconds.toFixed(0)} s (${(seconds / PAGES).toFixed(1)} s/page)`,
        ],
      ],
    ),
    `The ${list.length} test scans in turn, tesseract.js with npm hin+eng, psm 3.`,
  );
});
