// Durability under crashes: the built CLI is killed with SIGKILL at random moments, most of them
// inside its write, hundreds of times, with other writers running at the same time. Afterwards every acknowledged
// write (an `add` whose id was printed, an import whose report was printed, an HTTP write that was
// answered) must be on disk, and `press-archive check` must pass.
//  - phase 1: `add` and `import` processes, two at a time, four in five killed: most a random
//    0-25 ms after they took the archive lock (the test watches the lock's note), the rest anywhere;
//  - phase 2: `press-archive serve` taking a stream of adds and edits over HTTP, killed mid-stream.
// CRASH_ROUNDS=… makes it longer (a soak run); CRASH_SEED=… repeats a run exactly.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readManifest } from '../support/archive-files.ts';
import { BIN, BUILT, runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const CLI_RUNS_PER_LANE = 50 * ROUNDS;
const SERVE_CYCLES = 20 * ROUNDS;

let root: string;
let archive: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (!BUILT) throw new Error('out/cli is missing: run `npm run build` first');
  ({ dir: root, cleanup } = await tempDir('press-archive-crash-'));
  archive = join(root, 'archive');
});
afterAll(() => cleanup());

/** mulberry32: a small seeded generator, so a failing run can be repeated with CRASH_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
  killed: boolean;
  ms: number;
}

function holderOfLock(): number | undefined {
  try {
    return (JSON.parse(readFileSync(join(archive, 'archive.lock', 'owner.json'), 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

/** When to kill: never, at a moment after the start, or a moment after the process took the archive lock. */
type Kill = { atMs: number } | { afterLockMs: number } | undefined;

/** Runs the CLI and kills it with SIGKILL when `kill` says (if it is still running then). */
function runAndKill(args: string[], kill: Kill): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args, '--archive', archive], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let killed = false;
    const killNow = () => {
      killed = child.exitCode === null && child.kill('SIGKILL');
    };
    let timer: NodeJS.Timeout | undefined;
    let watcher: NodeJS.Timeout | undefined;
    if (kill && 'atMs' in kill) timer = setTimeout(killNow, kill.atMs);
    if (kill && 'afterLockMs' in kill) {
      // The lock's note names its holder: once it names this process, it is inside its write.
      watcher = setInterval(() => {
        if (holderOfLock() !== child.pid) return;
        clearInterval(watcher);
        timer = setTimeout(killNow, kill.afterLockMs);
      }, 1);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watcher);
      resolve({ stdout, stderr, code, killed: killed && signal === 'SIGKILL', ms: performance.now() - start });
    });
  });
}

const stats = { writes: 0, acknowledged: 0, kills: 0, killsWhileLocked: 0, httpWrites: 0, serveKills: 0, slow: 0 };
const acknowledgedIds = new Set<string>();
const acknowledgedTitles = new Set<string>();
/** For each edited clipping: the number of its last acknowledged edit and of the last edit sent. */
const edits = new Map<string, { acked: number; sent: number }>();

it('loses no acknowledged write when writers are killed at random moments', { timeout: 240_000 * ROUNDS }, async () => {
  const rand = random(SEED);
  expect((await runCli(['list', '--archive', archive])).code).toBe(0);

  // How long a whole run takes, from the runs that were not killed (every fifth).
  const durations: number[] = [300];
  const typical = () => [...durations.slice(-7)].sort((a, b) => a - b)[Math.floor(Math.min(durations.length, 7) / 2)]!;

  const lane = async (name: string) => {
    for (let i = 0; i < CLI_RUNS_PER_LANE; i++) {
      // Most kills land inside the write (0-25 ms after the process took the lock: reading,
      // writing and syncing shards, the manifest); the rest anywhere in the process's life.
      const killAt: Kill =
        i % 5 === 0 ? undefined : rand() < 0.6 ? { afterLockMs: rand() * 25 } : { atMs: rand() * typical() * 1.1 };
      const title = `crash ${name}-${i}`;
      let run: Run;
      if (i % 10 === 9) {
        // An import of five clippings: all of them or none.
        const file = join(root, `${name}-${i}.ndjson`);
        const lines = Array.from({ length: 5 }, (_, k) =>
          JSON.stringify({ title: `${title} #${k}`, body: `${title} पाठ ${k}` }),
        );
        await writeFile(file, lines.join('\n'));
        run = await runAndKill(['import', file, '--json'], killAt);
        stats.writes += 1;
        if (run.stdout.includes('"added"')) {
          expect(JSON.parse(run.stdout)).toMatchObject({ added: 5 });
          for (let k = 0; k < 5; k++) acknowledgedTitles.add(`${title} #${k}`);
        }
      } else {
        run = await runAndKill(['add', '--title', title, '--body', `${title}: दुर्घटना के बीच लिखा गया पाठ`], killAt);
        stats.writes += 1;
        if (killAt === undefined) durations.push(run.ms);
        const id = run.stdout.trim();
        if (/^[0-9a-z]{17}$/.test(id)) {
          acknowledgedIds.add(id);
          acknowledgedTitles.add(title);
        }
      }
      if (run.ms > 3000) stats.slow += 1;
      if (run.killed) {
        stats.kills += 1;
        if ((await readdir(archive)).includes('archive.lock')) stats.killsWhileLocked += 1;
      } else {
        expect(run.code, `${title}: ${run.stderr}`).toBe(0); // never an error, only success or a kill
        stats.acknowledged += 1;
      }
    }
  };
  const phase1 = performance.now();
  await Promise.all([lane('a'), lane('b')]);
  const phase2 = performance.now();
  for (let cycle = 0; cycle < SERVE_CYCLES; cycle++) await serveCycle(rand, cycle);

  console.log(`phase 1: ${Math.round(phase2 - phase1)} ms, phase 2: ${Math.round(performance.now() - phase2)} ms`);
  const check = await runCli(['check', '--json', '--archive', archive]);
  expect(check.code, check.stdout).toBe(0);
  const stored = JSON.parse((await runCli(['list', '--json', '--archive', archive])).stdout) as {
    id: string;
    title: string;
  }[];
  const ids = new Set(stored.map((c) => c.id));
  const titles = new Set(stored.map((c) => c.title));
  const lost = [...acknowledgedIds].filter((id) => !ids.has(id)).length;
  const lostTitles = [...acknowledgedTitles].filter((t) => !titles.has(t));
  const lostEdits = [...edits].filter(([id, { acked, sent }]) => {
    const title = stored.find((c) => c.id === id)?.title ?? '';
    const n = Number(/edit (\d+)$/.exec(title)?.[1] ?? 0);
    return n < acked || n > sent; // the last acknowledged edit, or a later one that got through
  });
  console.log(
    `crash test (seed ${SEED}): ${stats.writes} writes (${stats.httpWrites} acknowledged over HTTP, ` +
      `${stats.acknowledged} CLI runs finished), ` +
      `${stats.kills + stats.serveKills} SIGKILLs (${stats.kills} CLI processes, ${stats.killsWhileLocked} of them ` +
      `left the lock behind; ${stats.serveKills} servers), lost: ${lost + lostTitles.length + lostEdits.length}; ` +
      `${stats.slow} runs over 3 s; ${edits.size} clippings edited`,
  );
  expect(lost).toBe(0);
  expect(lostTitles).toEqual([]);
  expect(lostEdits).toEqual([]);
  expect(stats.kills).toBeGreaterThan(CLI_RUNS_PER_LANE); // most runs really were killed
  expect(stats.killsWhileLocked).toBeGreaterThan(0); // and some of them while holding the lock

  // The next write clears what the killed writers left behind.
  expect((await runCli(['add', '--title', 'after', '--body', 'after', '--archive', archive])).code).toBe(0);
  const listed = (await readManifest(archive)).shards.map((s) => s.file.slice('shards/'.length)).sort();
  expect((await readdir(join(archive, 'shards'))).sort()).toEqual(listed);
});

/** One `serve` process taking adds and edits from three clients at once, killed mid-stream. */
async function serveCycle(rand: () => number, cycle: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--archive', archive], {
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const { origin, searchParams } = new URL(url);
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-press-archive-token': searchParams.get('token')! },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: { id: string }; error?: unknown };
  };
  let running = true;
  const client = async (k: number) => {
    const mine: string[] = [];
    for (let n = 0; running; n++) {
      try {
        if (mine.length === 0 || rand() < 0.5) {
          const title = `http ${cycle}-${k}-${n}`;
          stats.writes += 1;
          const answer = await call('add', { title, body: `${title}: सर्वर पर लिखा गया` });
          expect(answer.ok, JSON.stringify(answer)).toBe(true);
          acknowledgedIds.add(answer.value!.id); // its title may be edited later: checked by id
          mine.push(answer.value!.id);
          stats.httpWrites += 1;
        } else {
          const id = mine[Math.floor(rand() * mine.length)]!;
          const edit = edits.get(id) ?? { acked: 0, sent: 0 };
          edit.sent += 1;
          edits.set(id, edit);
          const number = edit.sent;
          stats.writes += 1;
          const answer = await call('update', { id, title: `edit ${number}` });
          expect(answer.ok, JSON.stringify(answer)).toBe(true);
          edit.acked = number;
          stats.httpWrites += 1;
        }
      } catch (error) {
        if (running) throw error;
        return; // the server was killed under this request: not acknowledged
      }
    }
  };
  const clients = [0, 1, 2].map(client);
  const before = stats.httpWrites;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 100 + rand() * 400));
  if (process.env.CRASH_DEBUG) {
    const { readdirSync, readFileSync, existsSync, statSync } = await import('node:fs');
    const lock = join(archive, 'archive.lock');
    const note = existsSync(lock)
      ? readdirSync(lock)
          .map((f) => readFileSync(join(lock, f), 'utf8'))
          .join()
      : '-';
    const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : -1;
    console.log(
      `cycle ${cycle}: ${stats.httpWrites - before} in ${Math.round(performance.now() - started)} ms; lock ${note} age ${age}; serve pid ${child.pid}; ${stderr.slice(0, 300)}`,
    );
  }
  running = false;
  child.kill('SIGKILL');
  stats.serveKills += 1;
  await exited;
  await Promise.all(clients);
}
