// Saved searches live in the archive folder (saved-searches.json), next to the clippings they
// search: they are part of an archivist's work, so they travel with the archive, its backups and
// the command line, and survive a reinstall (localStorage would not, and would differ between
// the app and `serve`). Written durably (temp file, fsync, rename); a damaged file is reported,
// never overwritten.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveError } from '../errors.ts';
import { errorDetail, writeFileDurably } from '../storage/durable-json-file.ts';
import { SavedSearchesSchema, type SavedSearch } from './api-schemas.ts';

export const SAVED_SEARCHES_FILE = 'saved-searches.json';

interface SavedSearchesFile {
  formatVersion: 1;
  searches: SavedSearch[];
}

export async function readSavedSearches(archiveDir: string): Promise<SavedSearch[]> {
  const path = join(archiveDir, SAVED_SEARCHES_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ArchiveError({ code: 'io', params: { path, detail: errorDetail(error) } }, { cause: error });
  }
  try {
    const parsed = JSON.parse(text) as Partial<SavedSearchesFile>;
    return SavedSearchesSchema.parse(parsed.searches);
  } catch (error) {
    throw new ArchiveError(
      { code: 'damaged', params: { file: SAVED_SEARCHES_FILE, detail: errorDetail(error) } },
      { cause: error },
    );
  }
}

/** Replaces the saved searches (after checking the file there is still ours to replace). */
export async function writeSavedSearches(archiveDir: string, searches: SavedSearch[]): Promise<SavedSearch[]> {
  await readSavedSearches(archiveDir); // a damaged file stops here, untouched
  const file: SavedSearchesFile = { formatVersion: 1, searches: SavedSearchesSchema.parse(searches) };
  const path = join(archiveDir, SAVED_SEARCHES_FILE);
  try {
    await writeFileDurably(path, JSON.stringify(file, null, 2) + '\n');
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError({ code: 'io', params: { path, detail: errorDetail(error) } }, { cause: error });
  }
  return file.searches;
}
