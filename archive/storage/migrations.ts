// Older formats, read so they can be written again in the current one (the store does the writing,
// after taking a backup). Each format version is described once; a record is carried forward one
// version at a time by `upgrades`, so a future format 3 only adds a reader (if its files differ) and
// the step 2 → 3.
//
//   version 0  the first prototype: the whole archive in one lowdb file, db.json:
//              { "clippings": [ { id, title, text, source?, date?, author?, url?, tags?: "a, b",
//                                 created, updated?, deleted? } ] }
//   version 1  manifest.json (formatVersion 1) + shards/NNNNNN.json rewritten in place, each
//              { formatVersion: 1, rev, clippings: [clipping] }; clippings already as today.
//   version 2  manifest.json (formatVersion 2) + shards/NNNNNN-gG.json named after the generation
//              that wrote them, each { formatVersion: 2, clippings: [clipping] }; no checksums, no
//              summary files. Clippings as today.
//   version 3  the current format (format.ts): checksums and summary files.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ClippingSchema, DEFAULT_LANGUAGE, type Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { FORMAT_VERSION, MANIFEST_FILE, describeIssue } from './format.ts';
import { LEGACY_DB_FILE } from './layout.ts';

export interface LegacyArchive {
  version: number;
  createdAt: string | undefined;
  clippings: Clipping[];
  /** The files of the old format, removed once the archive is written in the current one. */
  files: string[];
}

interface LegacyRecords {
  createdAt: string | undefined;
  files: string[];
  /** Each record with the file it came from, in the archive's order. */
  records: { file: string; index: number; value: unknown }[];
}

const iso = z.iso.datetime({ offset: true });

const V0DatabaseSchema = z.object({ clippings: z.array(z.unknown()) });

const V0RecordSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  source: z.string().optional(),
  date: z.string().optional(),
  author: z.string().optional(),
  url: z.string().optional(),
  tags: z.union([z.string(), z.array(z.string())]).optional(),
  created: iso,
  updated: iso.optional(),
  deleted: z.boolean().optional(),
});

const V1ManifestSchema = z.object({
  format: z.literal('press-archive'),
  formatVersion: z.literal(1),
  createdAt: iso,
  shards: z.array(z.object({ file: z.string().regex(/^shards\/\d{6}\.json$/), count: z.number().int() })),
});
const V1ShardSchema = z.object({ formatVersion: z.literal(1), clippings: z.array(z.unknown()) });

const V2ManifestSchema = z.object({
  format: z.literal('press-archive'),
  formatVersion: z.literal(2),
  createdAt: iso,
  shards: z.array(
    z.object({ file: z.string().regex(/^shards\/\d{6}-g\d{1,15}\.json$/), count: z.number().int().nonnegative() }),
  ),
});
const V2ShardSchema = z.object({ formatVersion: z.literal(2), clippings: z.array(z.unknown()) });

/** How to find the records of each older format. */
/** Versions 1 and 2 keep the same layout (a manifest listing shards and their counts), each with its own schemas. */
function shardedReader(
  manifestSchema: z.ZodType<{ createdAt: string; shards: { file: string; count: number }[] }>,
  shardSchema: z.ZodType<{ clippings: unknown[] }>,
): (dir: string) => Promise<LegacyRecords> {
  return async (dir) => {
    const manifest = parseWith(manifestSchema, await readJson(dir, MANIFEST_FILE), MANIFEST_FILE);
    const records: LegacyRecords['records'] = [];
    for (const { file, count } of manifest.shards) {
      const shard = parseWith(shardSchema, await readJson(dir, file), file);
      if (shard.clippings.length !== count) {
        throw damaged(file, `manifest says ${count} clippings, the file has ${shard.clippings.length}`);
      }
      shard.clippings.forEach((value, index) => records.push({ file, index, value }));
    }
    return { createdAt: manifest.createdAt, files: [...manifest.shards.map((s) => s.file), MANIFEST_FILE], records };
  };
}

const readers: Record<number, (dir: string) => Promise<LegacyRecords>> = {
  0: async (dir) => {
    const db = parseWith(V0DatabaseSchema, await readJson(dir, LEGACY_DB_FILE), LEGACY_DB_FILE);
    return {
      createdAt: undefined,
      files: [LEGACY_DB_FILE],
      records: db.clippings.map((value, index) => ({ file: LEGACY_DB_FILE, index, value })),
    };
  },
  1: shardedReader(V1ManifestSchema, V1ShardSchema),
  2: shardedReader(V2ManifestSchema, V2ShardSchema),
};

/** One step per format version: a record of version n (already read) → a record of version n + 1. */
const upgrades: Record<number, (record: unknown) => unknown> = {
  0: (record) => {
    const r = V0RecordSchema.parse(record);
    const tags = typeof r.tags === 'string' ? r.tags.split(',') : (r.tags ?? []);
    return dropUndefined({
      id: r.id,
      title: nfc(r.title.trim()),
      body: nfc(r.text),
      publication: optional(r.source),
      date: optional(r.date),
      author: optional(r.author),
      url: optional(r.url),
      language: DEFAULT_LANGUAGE,
      tags: [...new Set(tags.map((t) => nfc(t.trim())).filter(Boolean))],
      addedAt: r.created,
      updatedAt: r.updated ?? r.created,
      deletedAt: r.deleted ? (r.updated ?? r.created) : undefined,
    });
  },
  1: (record) => record, // the clippings did not change; only the files around them did
  2: (record) => record, // the same: checksums and summaries are computed when the files are written
};

/** Reads an archive of an older format and carries every record to the current version. */
export async function readLegacyArchive(dir: string, version: number): Promise<LegacyArchive> {
  const read = readers[version];
  if (!read) throw damaged(MANIFEST_FILE, `format ${version} is not known to this version of Press Archive`);
  const { createdAt, files, records } = await read(dir);
  const clippings: Clipping[] = [];
  const seen = new Set<string>();
  for (const { file, index, value } of records) {
    const where = `clippings[${index}]`;
    let record = value;
    try {
      for (let v = version; v < FORMAT_VERSION; v++) record = upgrades[v]!(record);
    } catch (error) {
      throw damaged(
        file,
        error instanceof z.ZodError ? `${where}.${describeIssue(error)}` : `${where}: ${String(error)}`,
      );
    }
    const parsed = ClippingSchema.safeParse(record);
    if (!parsed.success) throw damaged(file, `${where}.${describeIssue(parsed.error)}`);
    if (seen.has(parsed.data.id)) throw damaged(file, `duplicate id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    clippings.push(parsed.data);
  }
  return { version, createdAt, clippings, files };
}

async function readJson(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw damaged(file, code === 'ENOENT' ? 'missing' : `cannot be read (${code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw damaged(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damaged(file, describeIssue(parsed.error));
  return parsed.data;
}

function damaged(file: string, detail: string): ArchiveError {
  return new ArchiveError({ code: 'damaged', params: { file, detail } });
}

const nfc = (s: string) => s.normalize('NFC');
const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : nfc(s.trim()));

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
