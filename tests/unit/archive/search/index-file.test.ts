// The saved index of an archive (Node: the CLI and the service): built once, loaded after, caught
// up with changes made by anyone, rebuilt when the file is damaged; a cache that cannot be written
// never stops a search.
import { readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexFilePath, openSearchIndex, searchCacheDir } from '../../../../archive/search/index-file.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { EVAL_DOCS } from '../../../search-eval/clippings.ts';
import { tempDir } from '../../../support/temp.ts';

let root: string;
let cleanup: () => Promise<void>;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir());
  env = { PRESS_ARCHIVE_CACHE_DIR: join(root, 'cache') };
});
afterEach(() => cleanup());

const ids = async (service: ArchiveService, query: string) => {
  const result = (await openSearchIndex(service, env)).engine.search(query);
  return result.ok ? result.hits.map((h) => h.id) : [];
};

async function archiveWithClippings(): Promise<ArchiveService> {
  const service = await ArchiveService.open(join(root, 'archive'));
  const records = EVAL_DOCS.slice(1, 11).map(({ title, body, publication, place, tags, date }) => ({
    title,
    body,
    publication,
    place,
    tags,
    date,
  }));
  await service.importFiles({ files: [{ name: 'fixtures.json', content: JSON.stringify(records) }] });
  return service;
}

describe('openSearchIndex', () => {
  it('builds, saves, then loads without building', async () => {
    const service = await archiveWithClippings();
    const first = await openSearchIndex(service, env);
    expect(first.how).toBe('built');
    expect(first.engine.size).toBe(11);
    const file = await readFile(indexFilePath(service.archiveDir, env));
    expect(file.byteLength).toBeGreaterThan(1000);
    const second = await openSearchIndex(service, env);
    expect(second.how).toBe('loaded');
    expect(second.engine.size).toBe(11);
  });

  it('catches up with clippings added, changed and trashed by another process', async () => {
    const service = await archiveWithClippings();
    const [victim] = await ids(service, 'सम्पादक');
    const gone = (await ids(service, 'पटना'))[0]!;
    const other = await ArchiveService.open(service.archiveDir);
    const added = await other.add({ title: 'मेरठ में पतंग उत्सव', body: 'रंग बिरंगी पतंगें उड़ीं' });
    await other.update({ id: victim!, title: 'बदला हुआ शीर्षक', body: 'गुब्बारा' });
    await other.trash({ id: gone });
    const opened = await openSearchIndex(service, env);
    expect(opened.how).toBe('caught-up');
    expect(opened.changed).toBe(3);
    const search = (q: string) => {
      const r = opened.engine.search(q);
      return r.ok ? r.hits.map((h) => h.id) : [];
    };
    expect(search('पतंग')).toEqual([added.id]);
    expect(search('गुब्बारा')).toEqual([victim]);
    expect(search('पटना')).not.toContain(gone);
    expect((await openSearchIndex(service, env)).how).toBe('loaded');
  });

  it('rebuilds when the saved file is damaged or of another format', async () => {
    const service = await archiveWithClippings();
    await openSearchIndex(service, env);
    await writeFile(indexFilePath(service.archiveDir, env), 'not an index');
    const opened = await openSearchIndex(service, env);
    expect(opened.how).toBe('built');
    expect(await ids(service, 'कानपुर')).toHaveLength(3);
  });

  it('still searches when the cache folder cannot be written', async () => {
    const service = await archiveWithClippings();
    const blocked = join(root, 'blocked');
    await writeFile(blocked, 'a file where the folder should be');
    env = { PRESS_ARCHIVE_CACHE_DIR: join(blocked, 'cache') };
    expect((await openSearchIndex(service, env)).how).toBe('built');
    expect(await ids(service, 'कानपुर')).toHaveLength(3);
    await chmod(blocked, 0o644);
  });

  it('keeps the cache in the platform cache folder, out of the archive', () => {
    expect(searchCacheDir({}, 'linux', '/home/a')).toBe('/home/a/.cache/press-archive');
    expect(searchCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/press-archive');
    expect(searchCacheDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Caches/Press Archive');
    expect(searchCacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toContain('Press Archive');
    expect(indexFilePath('/a', {})).not.toBe(indexFilePath('/b', {}));
  });
});
