// `press-archive search` as a real process: the query language, --sort, the --json contract, a
// syntax error in the user's language, and the saved index kept in the cache folder and caught up.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli } from '../../../support/cli.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { tempDir } from '../../../support/temp.ts';
import { EVAL_DOCS } from '../../../search-eval/clippings.ts';
import { writeFile } from 'node:fs/promises';

let root: string;
let archive: string;
let cache: string;
let cleanup: () => Promise<void>;

beforeAll(assertCliBuilt);
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  archive = join(root, 'archive');
  cache = join(root, 'cache');
  const file = join(root, 'fixtures.json');
  await writeFile(
    file,
    JSON.stringify(
      EVAL_DOCS.filter((d) => d.id !== 'seed').map(({ title, body, publication, author, place, tags, date }) => ({
        title,
        body,
        publication,
        author,
        place,
        tags,
        date,
      })),
    ),
  );
  expect((await cli('import', file)).code).toBe(0);
});
afterEach(() => cleanup());

const cli = (...args: string[]) => runCli([...args, '--archive', archive], { PRESS_ARCHIVE_CACHE_DIR: cache });
const search = async (...args: string[]) => {
  const result = await cli('search', ...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as {
    query: string;
    total: number;
    hits: {
      id: string;
      title: string;
      publication: string | null;
      date: string | null;
      score: number;
      snippet: string;
    }[];
  };
};

describe('press-archive search', () => {
  it('keeps the --json contract and marks matches found by sound with «»', async () => {
    const answer = await search('delhi', '--limit', '3');
    expect(answer.query).toBe('delhi');
    expect(answer.total).toBe(5);
    expect(answer.hits).toHaveLength(3);
    for (const hit of answer.hits) {
      expect(Object.keys(hit).sort()).toEqual(['date', 'id', 'publication', 'score', 'snippet', 'title']);
      expect(hit.snippet).toMatch(/«(दिल्ली|Delhi)»/);
    }
  });

  it('speaks the query language: fields, dates, phrases, OR, exclusion, sort', async () => {
    expect((await search('publication:"अमर उजाला" date:2024')).total).toBe(5);
    expect((await search('"मिशन शक्ति"')).total).toBe(2);
    expect((await search('NDA OR GST')).total).toBe(2);
    expect((await search('पुलिस -कानपुर')).total).toBe(3);
    const newest = await search('स्वास्थ्य', '--sort', 'newest');
    expect(newest.hits.map((h) => h.date)).toEqual(['2024-08-16', '2024-03-08', '2024-02-02', '2024-01-20']);
    const oldest = await search('स्वास्थ्य sort:oldest');
    expect(oldest.hits.map((h) => h.date)).toEqual(['2024-01-20', '2024-02-02', '2024-03-08', '2024-08-16']);
  });

  it('a syntax error: exit 1, one line in the user language, nothing changed', async () => {
    const before = await snapshotFiles(archive);
    const en = await cli('search', 'titel:कानपुर');
    expect(en.code).toBe(1);
    expect(en.stderr.trim().split('\n')).toHaveLength(1);
    expect(en.stderr).toContain('"titel:" is not a field');
    const hi = await runCli(['search', 'date:2024-13', '--archive', archive], {
      PRESS_ARCHIVE_CACHE_DIR: cache,
      LANG: 'hi_IN.UTF-8',
    });
    expect(hi.code).toBe(1);
    expect(hi.stderr).toContain('तारीख़ नहीं है');
    expect((await cli('search', 'x', '--sort', 'best')).code).toBe(2);
    expect(await snapshotFiles(archive)).toEqual(before);
  });

  it('keeps its index in the cache folder and catches up with an add', async () => {
    expect((await search('पतंग')).total).toBe(0);
    expect((await readdir(cache)).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(await readdir(archive)).not.toContain('search-index.bin');
    expect((await cli('add', '--title', 'मेरठ में पतंग उत्सव', '--body', 'रंग बिरंगी पतंगें')).code).toBe(0);
    expect((await search('पतंग')).total).toBe(1);
  });
});
