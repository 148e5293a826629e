// The saved search index of an archive, for Node (the CLI, and whoever searches a whole archive
// from the service): kept in the user's cache folder — it is derived data, rebuilt whenever missing,
// so it stays out of the archive folder, its backups and whatever syncs it. Each use brings it up
// to date with the archive (sync.ts) and saves it again when anything changed.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_NAME } from '../paths.ts';
import type { ApiHandlers, ApiOutput } from '../api.ts';
import { writeFileDurably } from '../storage/durable-json-file.ts';
import { SearchEngine } from './engine.ts';
import { indexFromBytes, indexToBytes } from './serialize.ts';
import { indexChanges, worthRebuilding } from './sync.ts';

/** $PRESS_ARCHIVE_CACHE_DIR, else the platform's cache folder for the app. */
export function searchCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PRESS_ARCHIVE_CACHE_DIR) return env.PRESS_ARCHIVE_CACHE_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), APP_NAME, 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', APP_NAME);
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'press-archive');
}

export function indexFilePath(archiveDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha256').update(archiveDir).digest('hex').slice(0, 16);
  return join(searchCacheDir(env), `search-${key}.bin`);
}

/** What the index needs of an archive: where it is, its counts, its versions and its clippings' words. */
export interface IndexSource {
  readonly archiveDir: string;
  info(): Promise<Pick<ApiOutput<'info'>, 'generation' | 'clippings' | 'trashed'>>;
  list(): Promise<readonly Pick<ApiOutput<'list'>[number], 'id' | 'updatedAt'>[]>;
  searchCorpus: ApiHandlers['searchCorpus'];
}

export interface OpenedIndex {
  engine: SearchEngine;
  /** How it was made ready: read as saved, caught up (with how many changes), or built. */
  how: 'loaded' | 'caught-up' | 'built';
  changed: number;
}

/** The archive's search index: loaded, brought up to date, or built (and then saved). */
export async function openSearchIndex(
  service: IndexSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenedIndex> {
  const info = await service.info();
  const path = indexFilePath(service.archiveDir, env);
  const fingerprint = `g${info.generation}:c${info.clippings}:t${info.trashed}`;
  const saved = await readFile(path).then(
    (bytes) => indexFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    () => undefined,
  );
  let opened: OpenedIndex;
  if (saved) {
    const engine = new SearchEngine({ stemOrder: saved.index.vocabulary.stemOrder }, saved.index);
    const versions = (await service.list()).map((s) => [s.id, s.updatedAt] as const);
    const changes = indexChanges(engine, versions);
    const count = changes.stale.length + changes.gone.length;
    if (worthRebuilding(changes, engine.size)) opened = await build(service);
    else {
      for (const id of changes.gone) engine.remove(id);
      if (changes.stale.length > 0)
        for (const doc of await service.searchCorpus({ ids: changes.stale })) engine.put(doc);
      opened = { engine, how: count === 0 ? 'loaded' : 'caught-up', changed: count };
    }
    if (opened.how === 'loaded' && saved.fingerprint === fingerprint) return opened;
  } else opened = await build(service);
  await save(path, opened.engine, fingerprint);
  return opened;
}

async function build(service: IndexSource): Promise<OpenedIndex> {
  const engine = new SearchEngine();
  engine.putAll(await service.searchCorpus({}));
  return { engine, how: 'built', changed: engine.size };
}

/** Saving is a convenience: a cache that cannot be written only means the next search builds again. */
async function save(path: string, engine: SearchEngine, fingerprint: string): Promise<void> {
  try {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFileDurably(path, Buffer.from(indexToBytes(engine.index, fingerprint)));
  } catch {
    // ignored on purpose
  }
}
