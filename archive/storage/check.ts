// Integrity check of an archive folder, read fresh from disk: every file matches its checksum and
// parses, every record matches the schema and its own checksum, ids are unique, and the manifest
// agrees with the shards and their summaries. A problem names the file and, when it can be told,
// the clipping (by id). Shard files that no manifest names but that carry the archive's own naming
// were left by an interrupted write and are removed by the next one: they are not damage.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { inKeyOrder, recordChecksum, summaryOf } from './checksums.ts';
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  describeIssue,
  parseShardFileName,
  SummaryRecordSchema,
  summaryFileOf,
  type Manifest,
  type ShardEntry,
  type SummaryRecord,
} from './format.ts';
import { LEGACY_DB_FILE, exists, listShardFiles } from './layout.ts';
import { isDamage, parseShard, parseSummary } from './shard-file.ts';
import { checkScanFiles } from '../scans/scan-files.ts';

export interface CheckProblem {
  file: string;
  detail: string;
  /** The clipping the problem is in, when the checksums tell which one. */
  id?: string;
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
  const entries = new Map(manifest?.shards.map((s) => [s.file, s]));
  const sound: Clipping[] = [];
  for (const file of listed) {
    files += 1;
    const entry = entries.get(file);
    const records = entry ? await checkShard(dir, entry, problems, sound) : await readUnlisted(dir, file, problems);
    if (entry) files += 1; // its summary
    for (const id of records) {
      const other = seen.get(id);
      if (other && manifest) problems.push({ file, id, detail: `duplicate id ${id} (also in ${other})` });
      seen.set(id, file);
      clippings += 1;
    }
  }
  // Every scan file a clipping uses is there and hashes to its name.
  const scans = await checkScanFiles(dir, sound);
  files += scans.files;
  problems.push(...scans.problems);
  return { ok: problems.length === 0, archiveDir: dir, files, clippings, problems };
}

/**
 * Checks one shard and its summary; returns the ids it holds. When the shard's bytes do not match
 * their checksum, each record is compared with the checksum its summary keeps, to name the clippings
 * that changed (a digit of a date, a letter of an id, a byte of the text that is no longer UTF-8).
 */
async function checkShard(
  dir: string,
  entry: ShardEntry,
  problems: CheckProblem[],
  sound: Clipping[],
): Promise<string[]> {
  const file = entry.file;
  const summaryFile = summaryFileOf(file);
  const bytes = await readBytes(dir, file, problems);
  const whole = bytes && collect(problems, file, () => parseShard(file, bytes, entry));
  let summary: SummaryRecord[] | undefined;
  const summaryBytes = await readBytes(dir, summaryFile, problems);
  if (summaryBytes) summary = collect(problems, summaryFile, () => parseSummary(summaryFile, summaryBytes, entry));
  if (!bytes) return summary?.map((r) => r.id) ?? [];
  if (whole) {
    sound.push(...whole);
    if (summary) compareWithSummary(file, whole, summary, problems);
    return whole.map((c) => c.id);
  }
  if (!summary) return [];
  // Damaged: which clippings? Each record that still parses is compared with its checksum.
  const expected = new Map(summary.map((r) => [r.id, r]));
  const found = recordsOf(bytes);
  if (found === undefined) {
    for (const r of summary) {
      problems.push({ file, id: r.id, detail: `clipping ${r.id} cannot be read (the file is not valid JSON)` });
    }
    return summary.map((r) => r.id);
  }
  const present = new Set<string>();
  for (const record of found) {
    const id = (record as { id?: unknown } | null)?.id;
    const want = typeof id === 'string' ? expected.get(id) : undefined;
    if (!want) {
      problems.push({ file, detail: `a clipping whose id the summary does not know (${String(id).slice(0, 40)})` });
      continue;
    }
    present.add(want.id);
    if (recordChecksum(record as Clipping) !== want.sha256) {
      problems.push({ file, id: want.id, detail: `clipping ${want.id} does not match its checksum` });
    }
  }
  for (const r of summary) {
    if (!present.has(r.id)) problems.push({ file, id: r.id, detail: `clipping ${r.id} is missing or its id changed` });
  }
  return summary.map((r) => r.id);
}

/** Summary fields in the schema's order: a parse may give them in another. */
const SUMMARY_KEYS = Object.keys(SummaryRecordSchema.shape);

/** A sound shard must agree with its sound summary, clipping by clipping. */
function compareWithSummary(file: string, clippings: Clipping[], summary: SummaryRecord[], problems: CheckProblem[]) {
  clippings.forEach((clipping, i) => {
    const want = summary[i];
    if (
      !want ||
      JSON.stringify(inKeyOrder(summaryOf(clipping), SUMMARY_KEYS)) !== JSON.stringify(inKeyOrder(want, SUMMARY_KEYS))
    ) {
      problems.push({
        file: summaryFileOf(file),
        id: clipping.id,
        detail: `the summary of ${clipping.id} does not match the clipping`,
      });
    }
  });
}

/** A shard file no manifest lists (there is no manifest): read on its own, without checksums. */
async function readUnlisted(dir: string, file: string, problems: CheckProblem[]): Promise<string[]> {
  const bytes = await readBytes(dir, file, problems);
  if (!bytes) return [];
  return collect(problems, file, () => parseShard(file, bytes))?.map((c) => c.id) ?? [];
}

function recordsOf(bytes: Buffer): unknown[] | undefined {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as { clippings?: unknown };
    return Array.isArray(value.clippings) ? value.clippings : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a parse; damage (or a newer format) becomes a problem of `file`. */
function collect<T>(problems: CheckProblem[], file: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (isDamage(error)) {
      problems.push({ file, detail: String(error.info.params?.detail) });
      return undefined;
    }
    if (error instanceof ArchiveError && error.info.code === 'newerFormat') {
      problems.push({
        file,
        detail: `written by a newer Press Archive (format ${String(error.info.params?.version)})`,
      });
      return undefined;
    }
    throw error;
  }
}

async function readBytes(dir: string, file: string, problems: CheckProblem[]): Promise<Buffer | undefined> {
  try {
    return await readFile(join(dir, file));
  } catch (error) {
    problems.push({ file, detail: unreadable(error) });
    return undefined;
  }
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
          ? `written by a newer Press Archive (format ${version})`
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
