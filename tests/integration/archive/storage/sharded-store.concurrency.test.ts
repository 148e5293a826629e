// Several writer processes at once: three `press-archive serve` processes editing different
// clippings of the same shard (each edit rewrites that whole shard: a lost update would undo
// another process's edit) and adding, while CLI processes add too. Nothing may be lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readManifest } from '../../../support/archive-files.ts';
import { BIN, assertCliBuilt, runCli, runCliProcess } from '../../../support/cli.ts';
import { tempDir } from '../../../support/temp.ts';

let archive: string;
let cleanup: () => Promise<void>;
const servers: ChildProcess[] = [];

beforeAll(async () => {
  assertCliBuilt();
  const temp = await tempDir();
  cleanup = temp.cleanup;
  archive = join(temp.dir, 'archive');
});
afterAll(async () => {
  for (const server of servers) server.kill('SIGTERM');
  await cleanup();
});

async function serve(): Promise<(method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown }>> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--archive', archive], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  servers.push(child);
  const url = new URL(
    await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve)),
  );
  return async (method, input) => {
    const response = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-press-archive-token': url.searchParams.get('token')! },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: unknown };
  };
}

it('three app processes and the CLI writing at once lose no add and no edit', { timeout: 120_000 }, async () => {
  const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ title: `मूल ${i}`, body: `साझा शार्ड ${i}` }));
  const file = join(archive, '..', 'seed.ndjson');
  await writeFile(file, lines.join('\n'));
  const seeded = await runCli(['import', file, '--json', '--archive', archive]);
  expect(JSON.parse(seeded.stdout)).toMatchObject({ added: 60 });
  expect((await readManifest(archive)).shards).toHaveLength(1); // all 61 share one shard file
  const list = JSON.parse((await runCli(['list', '--json', '--archive', archive])).stdout) as {
    id: string;
    title: string;
  }[];
  const targets = list.filter((c) => c.title.startsWith('मूल ')).map((c) => c.id);

  const calls = await Promise.all([serve(), serve(), serve()]);
  const added: string[] = [];
  const lastTitle = new Map<string, string>();
  const app = async (call: (typeof calls)[number], k: number) => {
    const mine = targets.filter((_, i) => i % 3 === k);
    for (let round = 0; round < 3; round++) {
      for (const id of mine) {
        const title = `संपादन ${k}-${round}`;
        const answer = await call('update', { id, title });
        expect(answer.ok, JSON.stringify(answer)).toBe(true);
        lastTitle.set(id, title);
      }
      const answer = (await call('add', { title: `ऐप ${k}-${round}`, body: `ऐप ${k} से, दौर ${round}` })) as {
        ok: boolean;
        value: { id: string };
      };
      expect(answer.ok).toBe(true);
      added.push(answer.value.id);
    }
  };
  const cliLane = async (k: number) => {
    for (let i = 0; i < 6; i++) {
      const result = await runCliProcess([
        'add',
        '--title',
        `सीएलआई ${k}-${i}`,
        '--body',
        `कमांड ${k} ${i}`,
        '--archive',
        archive,
      ]);
      expect(result.code, result.stderr).toBe(0);
      added.push(result.stdout.trim());
    }
  };
  await Promise.all([...calls.map(app), cliLane(0), cliLane(1)]);

  const final = JSON.parse((await runCli(['list', '--json', '--archive', archive])).stdout) as {
    id: string;
    title: string;
  }[];
  const byId = new Map(final.map((c) => [c.id, c.title]));
  expect(final).toHaveLength(61 + 9 + 12);
  for (const id of added) expect(byId.has(id), id).toBe(true);
  for (const [id, title] of lastTitle) expect(byId.get(id), id).toBe(title);
  expect((await runCli(['check', '--archive', archive])).code).toBe(0);
});
