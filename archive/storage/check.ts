// Integrity check of an archive folder, read fresh from disk: every file parses, every record
// matches the schema, ids are unique, and the manifest agrees with the shards.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  SHARDS_DIR,
  ShardSchema,
  describeIssue,
  type Manifest,
} from './format.ts';

export interface CheckProblem {
  file: string;
  detail: string;
}

export interface CheckReport {
  ok: boolean;
  archiveDir: string;
  files: number;
  clippings: number;
  problems: CheckProblem[];
}

export async function checkArchive(dir: string): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  let files = 0;
  let clippings = 0;
  const manifestResult = await readJson(join(dir, MANIFEST_FILE));
  files += 1;
  let manifest: Manifest | undefined;
  if ('error' in manifestResult) {
    problems.push({ file: MANIFEST_FILE, detail: manifestResult.error });
  } else {
    const parsed = ManifestSchema.safeParse(manifestResult.value);
    if (!parsed.success) problems.push({ file: MANIFEST_FILE, detail: describeIssue(parsed.error) });
    else if (parsed.data.formatVersion > FORMAT_VERSION) {
      problems.push({
        file: MANIFEST_FILE,
        detail: `format ${parsed.data.formatVersion} is newer than this app knows`,
      });
    } else manifest = parsed.data;
  }
  const onDisk = (await readdir(join(dir, SHARDS_DIR)).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${SHARDS_DIR}/${name}`);
  const listed = manifest?.shards.map((s) => s.file) ?? onDisk;
  for (const file of onDisk) {
    if (!listed.includes(file)) problems.push({ file, detail: 'not listed in the manifest' });
  }
  const seen = new Map<string, string>();
  for (const file of listed) {
    files += 1;
    const result = await readJson(join(dir, file));
    if ('error' in result) {
      problems.push({ file, detail: result.error });
      continue;
    }
    const parsed = ShardSchema.safeParse(result.value);
    if (!parsed.success) {
      problems.push({ file, detail: describeIssue(parsed.error) });
      continue;
    }
    const entry = manifest?.shards.find((s) => s.file === file);
    if (entry && entry.count !== parsed.data.clippings.length) {
      problems.push({
        file,
        detail: `manifest says ${entry.count} clippings, the file has ${parsed.data.clippings.length}`,
      });
    }
    for (const clipping of parsed.data.clippings) {
      const other = seen.get(clipping.id);
      if (other) problems.push({ file, detail: `duplicate id ${clipping.id} (also in ${other})` });
      seen.set(clipping.id, file);
      clippings += 1;
    }
  }
  return { ok: problems.length === 0, archiveDir: dir, files, clippings, problems };
}

async function readJson(path: string): Promise<{ value: unknown } | { error: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'missing' : `cannot be read (${code ?? String(error)})` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
