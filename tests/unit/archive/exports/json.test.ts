// archive/exports/json.ts (used by the desktop Export… command): full clippings, not trashed,
// newest first, pretty JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportArchiveJson } from '../../../../archive/exports/json.ts';
import { ArchiveService } from '../../../../archive/service.ts';

let dir: string;
let service: ArchiveService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'press-archive-export-'));
  let tick = Date.parse('2024-01-01T00:00:00.000Z');
  service = await ArchiveService.open(join(dir, 'archive'), { now: () => new Date((tick += 60_000)) });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exportArchiveJson', () => {
  it('writes every clipping not in the trash, with its text, newest first', async () => {
    const older = await service.add({ title: 'पुरानी ख़बर', body: 'पुराना पाठ', publication: 'दैनिक जागरण' });
    const trashed = await service.add({ title: 'हटाई गई', body: 'यह कूड़ेदान में है' });
    const newer = await service.add({ title: 'नई ख़बर', body: 'नया पाठ', tags: ['राजनीति'] });
    await service.trash({ id: trashed.id });

    const json = await exportArchiveJson(service);
    expect(json.endsWith('\n')).toBe(true);
    expect(json).toContain('\n  {\n    "id": ');
    const exported = JSON.parse(json) as Array<Record<string, unknown>>;
    const ids = exported.map((c) => c.id);
    expect(ids).not.toContain(trashed.id);
    expect(ids.slice(0, 2)).toEqual([newer.id, older.id]);
    expect(exported).toHaveLength(3); // plus the seed clipping, the oldest
    expect(exported[0]).toEqual(await service.get({ id: newer.id }));
    expect(exported[1]!.body).toBe('पुराना पाठ');
    expect(exported[2]!.body).toEqual(expect.any(String));
    expect((exported[2]!.body as string).length).toBeGreaterThan(100);
  });
});
