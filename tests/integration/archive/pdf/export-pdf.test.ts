// PDF export end to end on real parts: a real archive folder, the real service and API dispatcher,
// a real Chromium printing, and the PDFs read back with poppler (text, fonts, size, pages) and
// pdf-lib (the outline).
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../../archive/api.ts';
import type { Clipping } from '../../../../archive/clipping.ts';
import { chromiumPrinter } from '../../../../archive/pdf/chromium-printer.ts';
import { exportPdf, searchForPdf } from '../../../../archive/pdf/export-pdf.ts';
import { MAX_PDF_ENTRIES, PdfOptionsSchema } from '../../../../archive/pdf/options.ts';
import { renderPdf } from '../../../../archive/pdf/render-pdf.ts';
import { SearchEngine } from '../../../../archive/search/engine.ts';
import { indexFilePath } from '../../../../archive/search/index-file.ts';
import { FIRST_ARTICLE_TEXT } from '../../../../archive/seed/index.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { createDispatcher, type Dispatch } from '../../../../archive/transport/dispatch.ts';
import {
  bodyArea,
  footArea,
  headArea,
  pdfFonts,
  pdfInfo,
  pdfOutline,
  pdfText,
  squeeze,
} from '../../../support/poppler.ts';
import { tempDir } from '../../../support/temp.ts';

let dir: string;
let cleanup: () => Promise<void>;
let service: ArchiveService;
let dispatch: Dispatch;
// One Chromium for the exports of this file, not one per export (the printer's own start and stop
// are tested below, with printers of their own).
const printer = chromiumPrinter({ keepAliveMs: 10 * 60_000 });
afterAll(() => printer.dispose());

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-pdf-'));
  // An export by query ranks with the saved search index: kept here, not in the user's cache folder.
  process.env.PRESS_ARCHIVE_CACHE_DIR = join(dir, 'cache');
  service = await ArchiveService.open(join(dir, 'archive'), { printer });
  dispatch = createDispatcher(service);
});
afterEach(async () => {
  delete process.env.PRESS_ARCHIVE_CACHE_DIR;
  await cleanup();
});

async function exportToFile(input: unknown, name = 'out.pdf'): Promise<string> {
  const answer = await dispatch('exportPdf', input);
  if (!answer.ok) throw new Error(`exportPdf refused: ${JSON.stringify(answer.error)}`);
  const value = answer.value as { pdfBase64: string };
  const file = join(dir, name);
  await writeFile(file, Buffer.from(value.pdfBase64, 'base64'));
  return file;
}

async function writePdf(bytes: Uint8Array, name: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

const DEVANAGARI = /[\u0900-\u097F]/;

function story(i: number, overrides: Partial<Clipping> = {}): Clipping {
  return {
    id: `story${String(i).padStart(7, '0')}`,
    title: `पटना में बाढ़ राहत शिविर ${i}`,
    body: `बिहार की राजधानी पटना में गंगा का जलस्तर ${i} सेंटीमीटर बढ़ा।\nप्रशासन ने निचले इलाक़ों में राहत शिविर लगाए हैं।`,
    publication: 'हिंदुस्तान',
    date: `2024-07-${String(10 + i).padStart(2, '0')}`,
    language: 'hi',
    tags: ['बाढ़'],
    addedAt: '2024-07-20T10:00:00.000Z',
    updatedAt: '2024-07-20T10:00:00.000Z',
    ...overrides,
  };
}

describe('PDF export, read back with poppler', { timeout: 120_000 }, () => {
  it('prints the first article: Devanagari font embedded, the text back exactly, A4, tagged, bookmarked', async () => {
    const [seed] = await service.list();
    const first = await service.get({ id: seed!.id });
    const file = await exportToFile({ ids: [first.id] });

    const info = await pdfInfo(file);
    expect(info.pageSize).toContain('(A4)');
    expect(info.pages).toBe(1);
    expect(info.tagged).toBe(true);
    expect(info.title).toBe(first.title);

    const fonts = await pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(fonts.map((f) => f.name)).toContainEqual(expect.stringMatching(/\+NotoSansDevanagari-Regular$/));
    expect(fonts.map((f) => f.name)).toContainEqual(expect.stringMatching(/\+NotoSansDevanagari-Bold$/));

    const body = squeeze(await pdfText(file, { area: bodyArea(info) }));
    expect(body).toContain(squeeze(FIRST_ARTICLE_TEXT));
    expect(body.startsWith(squeeze(first.title))).toBe(true);
    expect(body).toContain(squeeze(first.notes!));
    expect(squeeze(await pdfText(file, { area: headArea(info) }))).toBe('प्रेसआर्काइव');
    expect(squeeze(await pdfText(file, { area: footArea(info) }))).toBe('पृष्ठ1/1');

    expect(await pdfOutline(file)).toEqual([{ title: first.title, page: 1 }]);
  });

  it('prints several clippings in parts: cover, contents with the right pages, page X of Y, a bookmark each', async () => {
    const [seed] = await service.list();
    const clippings = [await service.get({ id: seed!.id }), story(1), story(2), story(3), story(4)];
    const options = PdfOptionsSchema.parse({});
    const pdf = await renderPdf(
      { clippings, selection: { kind: 'query', query: 'पटना' }, options, exportedAt: new Date('2024-08-01T06:30:00Z') },
      printer,
      { entries: 2, chars: 1_000_000 }, // three print jobs, merged
    );
    const file = await writePdf(pdf.bytes, 'several.pdf');
    const info = await pdfInfo(file);
    // Cover, one page of contents, one page per clipping.
    expect(info.pages).toBe(7);
    expect(pdf.pages).toBe(7);
    expect(info.pageSize).toContain('(A4)');
    expect(info.title).toBe('प्रेस आर्काइव: 5 कतरनें');

    const cover = squeeze(await pdfText(file, { first: 1, last: 1 }));
    expect(cover).toContain(squeeze('खोज: “पटना”'));
    expect(cover).toContain(squeeze('कतरनें 5'));
    expect(cover).not.toContain('पृष्ठ'); // no running head or number on the cover

    const outline = await pdfOutline(file);
    expect(outline).toEqual([
      { title: 'विषय-सूची', page: 2 },
      ...clippings.map((c, i) => ({ title: c.title, page: 3 + i })),
    ]);

    const contents = await pdfText(file, { first: 2, last: 2, area: bodyArea(info) });
    for (const [i, clipping] of clippings.entries()) {
      // "1. <title> … 3": the number of the page the clipping starts on.
      expect(squeeze(contents)).toMatch(new RegExp(`${i + 1}\\.${squeeze(clipping.title).slice(0, 20)}.*?${3 + i}`));
      const page = await pdfText(file, { first: 3 + i, last: 3 + i, area: bodyArea(info) });
      expect(squeeze(page).startsWith(squeeze(clipping.title))).toBe(true);
      expect(squeeze(page)).toContain(squeeze(clipping.body));
    }
    for (let page = 2; page <= 7; page++) {
      const foot = await pdfText(file, { first: page, last: page, area: footArea(info) });
      expect(squeeze(foot)).toBe(`पृष्ठ${page}/7`);
    }
    // The running head names the clipping on the pages after its first (none here) and the contents.
    expect(squeeze(await pdfText(file, { first: 2, last: 2, area: headArea(info) }))).toBe('प्रेसआर्काइवविषय-सूची');
  });

  it('uses the bundled faces, not the system: with no Devanagari font installed, serif on Letter in English', async () => {
    // A font configuration with Latin fonts only: any Devanagari in the PDF comes from our bundle.
    const fontsConf = join(dir, 'fonts.conf');
    await mkdir(join(dir, 'font-cache'));
    await writeFile(
      fontsConf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, 'font-cache')}</cachedir></fontconfig>\n`,
    );
    const fontless = chromiumPrinter({ env: { ...process.env, FONTCONFIG_FILE: fontsConf } });
    const [seed] = await service.list();
    const first = await service.get({ id: seed!.id });
    const options = PdfOptionsSchema.parse({ pageSize: 'Letter', typeface: 'serif', language: 'en' });
    const pdf = await renderPdf(
      { clippings: [first], selection: { kind: 'ids' }, options, exportedAt: new Date() },
      fontless,
    );
    const file = await writePdf(pdf.bytes, 'serif-letter.pdf');

    const info = await pdfInfo(file);
    expect(info.pageSize).toContain('612 x 792 pts (letter)');
    const names = (await pdfFonts(file)).map((f) => f.name);
    expect(names).toContainEqual(expect.stringMatching(/\+NotoSerifDevanagari-Regular$/));
    expect(names.filter((name) => name.includes('NotoSans'))).toEqual([]);
    expect(squeeze(await pdfText(file, { area: bodyArea(info) }))).toContain(squeeze(FIRST_ARTICLE_TEXT));
    expect(squeeze(await pdfText(file, { area: footArea(info) }))).toMatch(/^Page1of\d$/);
  });

  it('loads nothing and runs nothing from the clipping text or its web address', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('x');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const markup = `<img src="${origin}/img.png"><link rel="stylesheet" href="${origin}/a.css"><script>fetch("${origin}/js")</script>`;
      const added = await service.add({
        title: `<iframe src="${origin}/frame"></iframe> शीर्षक`,
        body: `${markup}\nसाधारण पाठ`,
        url: `${origin}/story`,
      });
      const file = await exportToFile({ ids: [added.id] });
      expect(requests).toBe(0);
      const info = await pdfInfo(file);
      const text = squeeze(await pdfText(file, { area: bodyArea(info) }));
      expect(text).toContain(squeeze(markup));
      expect(text).toContain(squeeze(`<iframe src="${origin}/frame"></iframe>`));
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('keeps every title on its own page: no vowel sign of a heading spills onto the page before', async () => {
    // English bodies two pages long, Hindi titles full of signs above and below the line: any
    // Devanagari in the text area of a page that is not a clipping's first page has leaked.
    const english = Array.from({ length: 45 }, (_, i) => `Paragraph ${i + 1} of a long report, plain words only.`).join(
      '\n',
    );
    const titles = ['शिक्षिकाओं ने निरीक्षण किया', 'कुंभ में श्रद्धालुओं की भीड़', 'ट्रेनों की रफ़्तार धीमी हुई'];
    const clippings = titles.map((title, i) =>
      story(i, { title, body: english, publication: undefined, tags: [], language: 'hi' }),
    );
    const options = PdfOptionsSchema.parse({ language: 'en' });
    const pdf = await renderPdf({ clippings, selection: { kind: 'ids' }, options, exportedAt: new Date() }, printer);
    const file = await writePdf(pdf.bytes, 'titles.pdf');
    const info = await pdfInfo(file);
    const starts = (await pdfOutline(file)).slice(1).map((entry) => entry.page);
    expect(starts.length).toBe(3);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(2); // each clipping spans pages
    for (let page = starts[0]!; page <= info.pages; page++) {
      const text = await pdfText(file, { first: page, last: page, area: bodyArea(info) });
      if (starts.includes(page)) expect(text).toMatch(DEVANAGARI);
      else expect(text, `page ${page}`).not.toMatch(DEVANAGARI);
    }
  });
});

describe('exportPdf through the API', { timeout: 120_000 }, () => {
  it('refuses a request that names no selection, or two', async () => {
    for (const input of [{}, { all: true, query: 'पटना' }, { ids: [], all: true }, { query: '   ' }, { all: false }]) {
      const answer = await dispatch('exportPdf', input);
      expect(answer.ok, JSON.stringify(input)).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('validation');
    }
    const badOptions = await dispatch('exportPdf', { all: true, options: { pageSize: 'A3' } });
    expect(badOptions.ok).toBe(false);
  });

  it('prints ids as a search’s results (the app ranks them): in that order, the search named on the cover', async () => {
    const first = await service.add({ title: 'राहत शिविर', body: 'पटना में राहत' });
    const second = await service.add({ title: 'पटना में बाढ़', body: 'पटना पटना पटना' });
    const file = await exportToFile({ ids: [first.id, second.id], query: 'पटना', options: { language: 'en' } });
    expect((await pdfOutline(file)).map((e) => e.title)).toEqual(['Contents', 'राहत शिविर', 'पटना में बाढ़']);
    expect(squeeze(await pdfText(file, { first: 1, last: 1 }))).toContain(squeeze('Search: “पटना”'));
    expect(existsSync(join(dir, 'cache'))).toBe(false); // no search was run for it
  });

  it('says clearly when nothing matches, an id is unknown, the query is wrong, or there are too many', async () => {
    const none = await dispatch('exportPdf', { query: 'ममता' });
    expect(none).toEqual({ ok: false, error: { code: 'nothingToExport' } });
    const wrong = await dispatch('exportPdf', { query: '"पटना' });
    expect(wrong).toEqual({ ok: false, error: { code: 'badRequest', params: { detail: 'query: unclosedQuote' } } });
    const unknown = await dispatch('exportPdf', { ids: ['zzzzzzzzzzzz'] });
    expect(unknown).toEqual({ ok: false, error: { code: 'notFound', params: { id: 'zzzzzzzzzzzz' } } });

    // More than a PDF takes: refused before anything is printed (the printer is never opened).
    const many = Array.from({ length: MAX_PDF_ENTRIES + 1 }, (_, i) =>
      story(i, { id: `many${String(i).padStart(8, '0')}` }),
    );
    const context = { printer: { open: () => Promise.reject(new Error('must not print')) }, now: new Date() };
    const options = PdfOptionsSchema.parse({});
    await expect(exportPdf(many, { all: true, options }, context)).rejects.toMatchObject({
      info: { code: 'tooManyToExport', params: { max: MAX_PDF_ENTRIES, count: MAX_PDF_ENTRIES + 1 } },
    });
    await expect(exportPdf(many, { query: 'पटना', options }, context)).rejects.toMatchObject({
      info: { code: 'tooManyToExport', params: { count: MAX_PDF_ENTRIES + 1 } },
    });
    // A search with too many results is refused from the index alone, before any clipping is read.
    const engine = new SearchEngine();
    engine.putAll(many);
    expect(() => searchForPdf(engine, 'पटना')).toThrow(
      expect.objectContaining({
        info: { code: 'tooManyToExport', params: { max: MAX_PDF_ENTRIES, count: many.length } },
      }),
    );
    expect(searchForPdf(engine, 'पटना -शिविर')).toEqual([]);
  });

  it('exports a search in ranked order with a file name for the day, and needs a printer', async () => {
    await service.add({ title: 'राहत शिविर', body: 'पटना में राहत' });
    await service.add({ title: 'पटना में बाढ़', body: 'पटना पटना पटना' });
    const answer = await dispatch('exportPdf', { query: 'पटना', options: { language: 'en' } });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const value = answer.value as { fileName: string; pages: number; clippings: number; pdfBase64: string };
    expect(value.fileName).toMatch(/^press-archive-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(value.clippings).toBe(2);
    expect(value.pages).toBe(4);
    const file = join(dir, 'search.pdf');
    await writeFile(file, Buffer.from(value.pdfBase64, 'base64'));
    expect((await pdfOutline(file)).map((e) => e.title)).toEqual(['Contents', 'पटना में बाढ़', 'राहत शिविर']);

    expect(existsSync(indexFilePath(service.archiveDir))).toBe(true); // ranked by the saved index
    const again = await dispatch('exportPdf', { query: 'पटना', options: { language: 'en' } });
    expect(again.ok && (again.value as { clippings: number }).clippings).toBe(2);

    const printerless = createDispatcher(await ArchiveService.open(join(dir, 'archive')));
    const refused = await printerless('exportPdf', { all: true });
    expect(refused.ok).toBe(false);
  });

  it('reports clippings printed, out of all, as a long task', async () => {
    const lines = Array.from({ length: 44 }, (_, i) =>
      JSON.stringify({ title: `कतरन ${i}`, body: `नगर निगम की योजना, कतरन ${i} का पाठ।` }),
    );
    await service.importFiles({ files: [{ name: 'a.ndjson', content: lines.join('\n') }] });
    const events: Progress[] = [];
    const answer = await createDispatcher(service)('exportPdf', { all: true, task: 'pdf-00001' }, (e) =>
      events.push(e),
    );
    expect(answer).toMatchObject({ ok: true, value: { clippings: 45 } });
    const printed = events.filter((e) => e.step === 'printed');
    expect(printed[0]).toMatchObject({ kind: 'exportPdf', done: 0, total: 45 });
    expect(printed.at(-1)).toMatchObject({ done: 45, total: 45 });
  });
});

/** The browser processes this test process started (Linux /proc). */
async function chromiumChildren(): Promise<number[]> {
  const pids: number[] = [];
  for (const name of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const match = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
    if (match && Number(match[2]) === process.pid && /chrom/i.test(match[1]!)) pids.push(Number(name));
  }
  return pids;
}

describe('the Chromium printer', { timeout: 120_000 }, () => {
  // These printers are counted by their Chromium processes: the shared one is stopped first.
  beforeAll(() => printer.dispose());

  it('stops Chromium with the export on the command line; keeps it for the next one in serve', async () => {
    const job = { pageSize: 'A4', outline: false, tagged: false } as const;
    const once = chromiumPrinter();
    const session = await once.open();
    expect(await chromiumChildren()).toHaveLength(1);
    await session.print('<p>एक</p>', job);
    await session.close();
    expect(await chromiumChildren()).toEqual([]);

    const kept = chromiumPrinter({ keepAliveMs: 60_000 });
    const first = await kept.open();
    await first.close();
    const [browser] = await chromiumChildren();
    expect(browser).toBeDefined();
    const second = await kept.open();
    expect(await chromiumChildren()).toEqual([browser]); // the same Chromium, warm
    expect((await second.print('<p>दो</p>', job)).length).toBeGreaterThan(500);
    await second.close();
    await kept.dispose();
    expect(await chromiumChildren()).toEqual([]);
  });
});
