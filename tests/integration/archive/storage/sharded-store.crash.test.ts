// Durability under crashes: writers are killed with SIGKILL at random moments, most of them inside
// a write, with other writers running at the same time. Afterwards every acknowledged write (an
// `add` whose id was printed, an import whose report was printed, an HTTP write that was answered,
// a write the storage engine reported done) must be on disk, and `press-archive check` must pass.
//  1. the CLI: `add` and `import` processes, two at a time, four in five killed: most a random 0-25 ms
//     after they took the archive lock (the test watches the lock's note), the rest anywhere;
//  2. `press-archive serve` taking adds and edits from three clients over HTTP, killed mid-stream;
//  3. the storage engine alone (tests/support/crash-writer.ts: it starts in a fraction of the CLI's
//     time, so it can be killed a hundred times more): adds, edits and trashes in a loop, killed at
//     a random moment while it writes, two at a time.
// CRASH_ROUNDS=… makes it longer (a soak run); CRASH_SEED=… repeats a run's timing choices.
import { spawn } from 'node:child_process';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Clipping } from '../../../../archive/clipping.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { readManifest } from '../../../support/archive-files.ts';
import { BIN, assertCliBuilt, runCli } from '../../../support/cli.ts';
import { random } from '../../../support/random.ts';
import { tempDir } from '../../../support/temp.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const CLI_RUNS_PER_LANE = Math.round(15 * ROUNDS);
const SERVE_CYCLES = Math.round(6 * ROUNDS);
const ENGINE_RUNS_PER_LANE = Math.round(50 * ROUNDS);
const PROJECT = join(import.meta.dirname, '../../../..');

let root: string;
let archive: string;
let writerDir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  assertCliBuilt();
  ({ dir: root, cleanup } = await tempDir('press-archive-crash-'));
  archive = join(root, 'archive');
  // Built inside the project so that it finds the dependencies in node_modules.
  await mkdir(join(PROJECT, 'node_modules', '.cache'), { recursive: true });
  writerDir = await mkdtemp(join(PROJECT, 'node_modules', '.cache', 'crash-writer-'));
  await build({
    configFile: false,
    root: PROJECT,
    logLevel: 'silent',
    // Its dependencies (zod, lowdb, proper-lockfile) bundled in, tree-shaken: one file to load
    // instead of dozens, about a third less CPU per start, and it is started a hundred times.
    ssr: { noExternal: true },
    build: {
      ssr: join(PROJECT, 'tests/support/crash-writer.ts'),
      outDir: writerDir,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-writer.js' } },
    },
  });
});
afterAll(async () => {
  await rm(writerDir, { recursive: true, force: true });
  await cleanup();
});

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
  killed: boolean;
  ms: number;
}

/** When to kill: never, at a moment after the start, after the process took the lock, or after its first output. */
type Kill = { atMs: number } | { afterLockMs: number } | { afterOutputMs: number } | undefined;

function holderOfLock(): number | undefined {
  try {
    return (JSON.parse(readFileSync(join(archive, 'archive.lock', 'owner.json'), 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

/** Runs `node ARGS` and kills it with SIGKILL when `kill` says (if it is still running then). */
function runAndKill(args: string[], kill: Kill): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    const killNow = () => {
      killed = child.exitCode === null && child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout === '' && kill && 'afterOutputMs' in kill) timer = setTimeout(killNow, kill.afterOutputMs);
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    if (kill && 'atMs' in kill) timer = setTimeout(killNow, kill.atMs);
    if (kill && 'afterLockMs' in kill) {
      // The lock folder appears whole, with its note (renamed into place): once the note names this
      // process, it is inside its write.
      watcher = watch(archive, (_event, name) => {
        if (name !== 'archive.lock' || holderOfLock() !== child.pid) return;
        watcher?.close();
        timer = setTimeout(killNow, kill.afterLockMs);
      });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ stdout, stderr, code, killed: killed && signal === 'SIGKILL', ms: performance.now() - start });
    });
  });
}

const stats = { writes: 0, acknowledged: 0, kills: 0, killedHoldingLock: 0 };
const acknowledgedIds = new Set<string>();
/** Imports print counts, not ids: their clippings are looked for by title. */
const acknowledgedTitles = new Set<string>();
/** Per edited clipping: the titles sent, in order, and how many of them were acknowledged. */
const edits = new Map<string, { sent: string[]; acked: number }>();
const trashed = new Set<string>();

async function afterKill(run: Run): Promise<void> {
  if (!run.killed) return;
  stats.kills += 1;
  if ((await readdir(archive)).includes('archive.lock')) stats.killedHoldingLock += 1;
}

it(
  'loses no acknowledged write when writers are killed at random moments',
  // A watchdog for a busy machine (it takes about a minute on a quiet one), not a measure.
  { timeout: 600_000 * Math.max(1, ROUNDS) },
  async () => {
    const rand = random(SEED);
    const cli = (...args: string[]) => [BIN, ...args, '--archive', archive];
    expect((await runCli(['list', '--archive', archive])).code).toBe(0);
    const timings: string[] = [];
    let started = performance.now();
    const phaseDone = (name: string) => {
      timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
    };

    // 1. The CLI. How long a whole run takes, from the runs that are not killed (every fifth).
    const durations: number[] = [300];
    const typical = () =>
      [...durations.slice(-7)].sort((a, b) => a - b)[Math.floor(Math.min(durations.length, 7) / 2)]!;
    const cliLane = async (name: string) => {
      for (let i = 0; i < CLI_RUNS_PER_LANE; i++) {
        const kill: Kill =
          i % 5 === 0 ? undefined : rand() < 0.6 ? { afterLockMs: rand() * 25 } : { atMs: rand() * typical() * 1.1 };
        const title = `crash ${name}-${i}`;
        let run: Run;
        stats.writes += 1;
        if (i % 10 === 9) {
          // An import of five clippings: all of them or none.
          const file = join(root, `${name}-${i}.ndjson`);
          const lines = Array.from({ length: 5 }, (_, k) =>
            JSON.stringify({ title: `${title} #${k}`, body: `${title} ${k}` }),
          );
          await writeFile(file, lines.join('\n'));
          run = await runAndKill(cli('import', file, '--json'), kill);
          if (run.stdout.includes('"added"')) {
            expect(JSON.parse(run.stdout)).toMatchObject({ added: 5 });
            for (let k = 0; k < 5; k++) acknowledgedTitles.add(`${title} #${k}`);
            stats.acknowledged += 1;
          }
        } else {
          run = await runAndKill(cli('add', '--title', title, '--body', `${title}: दुर्घटना के बीच लिखा गया पाठ`), kill);
          const id = run.stdout.trim();
          if (/^[0-9a-z]{17}$/.test(id)) {
            acknowledgedIds.add(id);
            stats.acknowledged += 1;
          }
          if (kill === undefined) durations.push(run.ms);
        }
        if (!run.killed) expect(run.code, `${title}: ${run.stderr}`).toBe(0); // only success or a kill, never an error
        await afterKill(run);
      }
    };
    await Promise.all([cliLane('a'), cliLane('b')]);
    const cliKills = stats.kills;
    phaseDone(`CLI ${2 * CLI_RUNS_PER_LANE} runs`);

    // 2. The app's server, three clients at once.
    for (let cycle = 0; cycle < SERVE_CYCLES; cycle++) await serveCycle(rand, cycle);
    phaseDone(`serve ${SERVE_CYCLES} cycles`);

    // 3. The storage engine, killed while it writes.
    const writer = join(writerDir, 'crash-writer.js');
    const engineLane = async (name: string) => {
      for (let i = 0; i < ENGINE_RUNS_PER_LANE; i++) {
        const run = await runAndKill([writer, archive, `${name}${i}`], { afterOutputMs: rand() * 80 });
        for (const line of run.stdout.split('\n')) {
          const [kind, id, ...rest] = line.split(' ');
          if (!kind || !id) continue;
          const edit = edits.get(id) ?? { sent: [], acked: 0 };
          if (kind === 'want') {
            edit.sent.push(rest.join(' '));
            edits.set(id, edit);
            continue; // an intention, not a write
          }
          stats.writes += 1;
          stats.acknowledged += 1;
          if (kind === 'add') acknowledgedIds.add(id); // later edits may change its title: checked by id
          if (kind === 'edit') edit.acked = edit.sent.indexOf(rest.join(' ')) + 1;
          if (kind === 'trash') trashed.add(id);
        }
        stats.writes += 1; // the one it was killed in
        expect(run.killed, run.stderr).toBe(true);
        await afterKill(run);
      }
    };
    await Promise.all([engineLane('p'), engineLane('q')]);
    phaseDone(`engine ${2 * ENGINE_RUNS_PER_LANE} runs`);

    const check = await runCli(['check', '--json', '--archive', archive]);
    expect(check.code, check.stdout).toBe(0);
    // Everything in the archive now, the trash included, read the way the app reads it.
    const service = await ArchiveService.open(archive, { whenDamaged: 'refuse' });
    const all = new Map<string, Clipping>();
    for (const trash of [false, true]) {
      for (const { id } of await service.list({ trash })) all.set(id, await service.get({ id }));
    }
    const titles = new Set([...all.values()].map((c) => c.title));
    const lostIds = [...acknowledgedIds].filter((id) => !all.has(id));
    const lostTitles = [...acknowledgedTitles].filter((t) => !titles.has(t));
    const lostEdits = [...edits].filter(([id, { sent, acked }]) => {
      if (acked === 0) return false;
      // The last acknowledged edit, or one sent after it that went through before the kill.
      return !sent.slice(acked - 1).includes(all.get(id)?.title ?? '');
    });
    const lostTrash = [...trashed].filter((id) => all.get(id)?.deletedAt === undefined);
    const lost = lostIds.length + lostTitles.length + lostEdits.length + lostTrash.length;
    console.log(
      `crash test (seed ${SEED}): ${stats.writes} writes, ${stats.acknowledged} acknowledged, ` +
        `${stats.kills} SIGKILLs (${cliKills} CLI runs, ${SERVE_CYCLES} servers, the rest storage writers; ` +
        `${stats.killedHoldingLock} while holding the lock), lost: ${lost} · ${timings.join(', ')}`,
    );
    expect(lostIds).toEqual([]);
    expect(lostTitles).toEqual([]);
    expect(lostEdits).toEqual([]);
    expect(lostTrash).toEqual([]);
    expect(stats.killedHoldingLock).toBeGreaterThan(10); // the kills did land inside writes

    // The next write clears what the killed writers left behind.
    expect((await runCli(['add', '--title', 'after', '--body', 'after', '--archive', archive])).code).toBe(0);
    // Each shard file the manifest names, and its summary file beside it.
    const listed = (await readManifest(archive)).shards
      .flatMap((s) => [s.file, s.file.replace(/\.json$/, '.summary.json')])
      .map((f) => f.slice('shards/'.length))
      .sort();
    expect((await readdir(join(archive, 'shards'))).sort()).toEqual(listed);
  },
);

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
  // Killed after a random number of answered writes (not after a time: a slow machine would answer none).
  const killAfter = 3 + Math.floor(rand() * 15);
  let answered = 0;
  let killed!: () => void;
  const killTime = new Promise<void>((resolve) => (killed = resolve));
  const acknowledged = () => {
    stats.acknowledged += 1;
    if (++answered === killAfter) killed();
  };
  const client = async (k: number) => {
    const mine: string[] = [];
    for (let n = 0; running; n++) {
      try {
        stats.writes += 1;
        if (mine.length === 0 || rand() < 0.5) {
          const title = `http ${cycle}-${k}-${n}`;
          const answer = await call('add', { title, body: `${title}: सर्वर पर लिखा गया` });
          expect(answer.ok, JSON.stringify(answer)).toBe(true);
          acknowledgedIds.add(answer.value!.id); // its title may be edited later: checked by id
          mine.push(answer.value!.id);
        } else {
          const id = mine[Math.floor(rand() * mine.length)]!;
          const edit = edits.get(id) ?? { sent: [], acked: 0 };
          const title = `edit ${cycle}-${k}-${n}`;
          edit.sent.push(title);
          edits.set(id, edit);
          const answer = await call('update', { id, title });
          expect(answer.ok, JSON.stringify(answer)).toBe(true);
          edit.acked = edit.sent.indexOf(title) + 1;
        }
        acknowledged();
      } catch (error) {
        if (running) throw error;
        return; // the server was killed under this request: not acknowledged
      }
    }
  };
  const clients = [0, 1, 2].map(client);
  await Promise.race([killTime, Promise.all(clients)]); // a client's failure ends the wait too
  running = false;
  child.kill('SIGKILL');
  stats.kills += 1;
  await exited;
  await Promise.all(clients);
}
