// What can still be read of a damaged archive, to show it read-only until it is restored: every
// valid clipping of every shard file that parses. With a readable manifest that is the files it
// lists; without one, the newest file of each shard slot. Nothing here writes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClippingSchema, type Clipping } from '../clipping.ts';
import { MANIFEST_FILE, parseShardFileName } from './format.ts';
import { listShardFiles } from './layout.ts';

export async function salvageClippings(dir: string): Promise<Clipping[]> {
  const files = (await listedFiles(dir)) ?? (await newestPerSlot(dir));
  const result: Clipping[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const record of await recordsOf(join(dir, file))) {
      const parsed = ClippingSchema.safeParse(record);
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id);
        result.push(parsed.data);
      }
    }
  }
  return result;
}

async function listedFiles(dir: string): Promise<string[] | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as { shards?: { file?: unknown }[] };
    const files = (manifest.shards ?? []).map((s) => s.file);
    return files.every((f): f is string => typeof f === 'string' && parseShardFileName(f) !== undefined)
      ? files
      : undefined;
  } catch {
    return undefined;
  }
}

async function newestPerSlot(dir: string): Promise<string[]> {
  const newest = new Map<number, { file: string; generation: number }>();
  for (const file of await listShardFiles(dir)) {
    const name = parseShardFileName(file);
    if (!name) continue;
    const known = newest.get(name.slot);
    if (!known || known.generation < name.generation) newest.set(name.slot, { file, generation: name.generation });
  }
  return [...newest.entries()].sort(([a], [b]) => a - b).map(([, { file }]) => file);
}

async function recordsOf(path: string): Promise<unknown[]> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { clippings?: unknown };
    return Array.isArray(value.clippings) ? value.clippings : [];
  } catch {
    return [];
  }
}
