// Integrity check of an archive folder, read fresh from disk: every file parses, every record
// matches the schema, ids are unique, and the manifest agrees with the shards. Shard files that no
// manifest names but that carry the archive's own naming were left by an interrupted write and are
// removed by the next one: they are not damage.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  describeIssue,
  parseShardFileName,
  type Manifest,
} from './format.ts';
import { LEGACY_DB_FILE, exists, listShardFiles } from './layout.ts';
import { isDamage, parseShard } from './shard-file.ts';

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
  let files = 1;
  let clippings = 0;
  const manifest = await readManifest(dir, problems);
  const onDisk = await listShardFiles(dir);
  // Without a manifest every shard file is read on its own (older generations would repeat ids).
  const listed = manifest?.shards.map((s) => s.file) ?? onDisk.filter((f) => parseShardFileName(f) !== undefined);
  for (const file of onDisk) {
    if (!listed.includes(file) && parseShardFileName(file) === undefined) {
      problems.push({ file, detail: 'not listed in the manifest' });
    }
  }
  const seen = new Map<string, string>();
  for (const file of listed) {
    files += 1;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, file));
    } catch (error) {
      problems.push({ file, detail: unreadable(error) });
      continue;
    }
    let records;
    try {
      records = parseShard(
        file,
        bytes,
        manifest?.shards.find((s) => s.file === file),
      );
    } catch (error) {
      if (!isDamage(error)) throw error;
      problems.push({ file, detail: String(error.info.params?.detail) });
      continue;
    }
    for (const { id } of records) {
      const other = seen.get(id);
      if (other && manifest) problems.push({ file, detail: `duplicate id ${id} (also in ${other})` });
      seen.set(id, file);
      clippings += 1;
    }
  }
  return { ok: problems.length === 0, archiveDir: dir, files, clippings, problems };
}

async function readManifest(dir: string, problems: CheckProblem[]): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const legacy = await exists(join(dir, LEGACY_DB_FILE));
    problems.push({
      file: legacy ? LEGACY_DB_FILE : MANIFEST_FILE,
      detail: legacy ? 'format 0: open the archive once to bring it up to date' : unreadable(error),
    });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.push({
      file: MANIFEST_FILE,
      detail: `not valid JSON (${error instanceof Error ? error.message : error})`,
    });
    return undefined;
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version !== FORMAT_VERSION) {
    problems.push({
      file: MANIFEST_FILE,
      detail:
        version > FORMAT_VERSION
          ? `format ${version} is newer than this app knows`
          : `format ${version}: open the archive once to bring it up to date`,
    });
    return undefined;
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push({ file: MANIFEST_FILE, detail: describeIssue(parsed.error) });
    return undefined;
  }
  return parsed.data;
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'missing' : `cannot be read (${code ?? String(error)})`;
}
