// The full verification as the page waits for it: `verify` with a task reports how many shard files
// are checked (progress events through the transport's sink, as IPC and server-sent events carry
// them) and answers `info`, with the damage when one byte of a shard changed since the list was shown.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArchiveInfo, Progress } from '../../../../archive/api.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { readManifest, shardFile } from '../../../support/archive-files.ts';
import { tempDir } from '../../../support/temp.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-verify-'));
  const app = await ArchiveService.open(dir);
  const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ title: `कतरन ${i}`, body: `पाठ ${i}` }));
  await app.importFiles({ files: [{ name: 'feed.ndjson', content: lines.join('\n') }] });
});
afterEach(() => cleanup());

async function verifyWithEvents(service: ArchiveService): Promise<{ info: ArchiveInfo; events: Progress[] }> {
  const events: Progress[] = [];
  const answer = await createDispatcher(service)('verify', { task: 'verify-1' }, (e) => events.push(e));
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return { info: answer.value as ArchiveInfo, events };
}

it('reports each shard file checked, then answers info without damage', async () => {
  const service = await ArchiveService.open(dir);
  expect((await service.list()).length).toBe(601);
  const { info, events } = await verifyWithEvents(service);
  const shards = (await readManifest(dir)).shards.length;
  expect(shards).toBeGreaterThan(2);
  expect(info.damage).toBeUndefined();
  expect(events.every((e) => e.task === 'verify-1' && e.kind === 'verify' && e.step === 'checked')).toBe(true);
  expect(events.at(-1)).toMatchObject({ done: shards, total: shards });
});

it('damage the verification finds comes back in its answer', async () => {
  const file = await shardFile(dir, 2);
  const bytes = await readFile(join(dir, file));
  bytes.write('X', bytes.indexOf('कतरन') - 1); // the opening quotation mark of a title: same size
  await writeFile(join(dir, file), bytes);
  const service = await ArchiveService.open(dir);
  expect((await service.info()).damage).toBeUndefined(); // the list comes from the summaries
  expect((await service.list()).length).toBe(601);
  const { info } = await verifyWithEvents(service);
  expect(info.damage?.problems).toContainEqual(expect.objectContaining({ file }));
});
