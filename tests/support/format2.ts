// Writes an archive in format 2 (the format before checksums and summaries) the way Press Archive
// wrote it: manifest.json plus shards/NNNNNN-gG.json of at most 250 clippings. For migration tests.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clipping } from '../../archive/clipping.ts';

export async function writeFormat2Archive(dir: string, clippings: Clipping[], generation = 7): Promise<void> {
  await mkdir(join(dir, 'shards'), { recursive: true });
  const shards = [];
  for (let i = 0; i * 250 < Math.max(clippings.length, 1); i++) {
    const group = clippings.slice(i * 250, (i + 1) * 250);
    const file = `shards/${String(i + 1).padStart(6, '0')}-g${generation}.json`;
    const text = JSON.stringify({ formatVersion: 2, clippings: group }, null, 2) + '\n';
    await writeFile(join(dir, file), text);
    const ids = group.map((c) => c.id).sort();
    shards.push({
      file,
      count: group.length,
      trashed: group.filter((c) => c.deletedAt).length,
      bytes: Buffer.byteLength(text),
      ...(ids.length ? { firstId: ids[0], lastId: ids.at(-1) } : {}),
    });
  }
  const manifest = {
    format: 'press-archive',
    formatVersion: 2,
    generation,
    createdAt: '2026-01-01T00:00:00.000Z',
    shards,
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/** A clipping as format 2 stored it. */
export function format2Clipping(i: number, fields: Partial<Clipping> = {}): Clipping {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    id: `0m${(1_000_000 + i).toString(36).padStart(15, '0')}`,
    title: `पुरानी कतरन ${i}`,
    body: `पुराने प्रारूप का पाठ ${i}। गंगा का जलस्तर बढ़ा।`,
    language: 'hi',
    tags: [],
    addedAt: at,
    updatedAt: at,
    ...fields,
  };
}
