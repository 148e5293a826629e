// Fault injection, the way SQLite's test harness does it: a shim over the file system fails the
// Nth write, fsync, rename, copy or mkdir, for every N over a real commit (an add with its daily
// snapshot, an import spanning several shards, an edit, a restore from a backup file), with each of
// ENOSPC, EIO, EACCES and EROFS in turn. After every failure: `check` passes, no clipping is lost or
// changed, nothing is left behind (no temp file, no shard file the manifest does not name, no
// half-made snapshot), the error is one the user can read, and the next write of the same open
// archive succeeds. The answer and the disk agree: an error means the archive is exactly as before
// (a failure after the new manifest is in place rolls it back), an acknowledgment that the write is
// all there. The locking files are not faulted: they hold no data.
import { cp, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Clipping } from '../../../../archive/clipping.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { readManifest } from '../../../support/archive-files.ts';
import { tempDir } from '../../../support/temp.ts';

const faults = vi.hoisted(() => ({ armed: false, count: 0, failAt: 0, code: 'ENOSPC', failed: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  /** Counts one write step; throws the chosen error at the Nth. */
  const step = (what: string, path: unknown): boolean => {
    const target = String(path);
    if (!faults.armed || target.includes('archive.lock')) return false;
    faults.count += 1;
    if (faults.count !== faults.failAt) return false;
    faults.failed = `${what} ${target}`;
    return true;
  };
  const fail = (what: string, path: unknown) =>
    Object.assign(new Error(`${faults.code}: injected failure, ${what} '${String(path)}'`), {
      code: faults.code,
      syscall: what,
      path: String(path),
    });
  const shimHandle = (handle: import('node:fs/promises').FileHandle, path: unknown) =>
    new Proxy(handle, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        if (key === 'writeFile' || key === 'write') {
          return async (data: string | Buffer, ...rest: unknown[]) => {
            if (step(String(key), path)) {
              // A full disk takes part of the data before it refuses the rest.
              const bytes = Buffer.from(data as string);
              await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
              throw fail(String(key), path);
            }
            return (value as (...a: unknown[]) => unknown).call(target, data, ...rest);
          };
        }
        if (key === 'sync' || key === 'datasync') {
          return async () => {
            if (step('fsync', path)) throw fail('fsync', path);
            return (value as () => unknown).call(target);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const wrap =
    <A extends unknown[], R>(what: string, fn: (...a: A) => Promise<R>, pathArg: number) =>
    async (...args: A): Promise<R> => {
      if (step(what, args[pathArg])) throw fail(what, args[pathArg]);
      return fn(...args);
    };
  const shimmed = {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => shimHandle(await real.open(...args), args[0]),
    rename: wrap('rename', real.rename, 1),
    copyFile: wrap('copyFile', real.copyFile, 1),
    link: wrap('link', real.link, 1),
    mkdir: wrap('mkdir', real.mkdir, 0),
    writeFile: wrap('writeFile', real.writeFile, 0),
  };
  return { ...shimmed, default: shimmed };
});

const CODES = ['ENOSPC', 'EIO', 'EACCES', 'EROFS'];
let root: string;
let cleanup: () => Promise<void>;
let template: string;
let templateSnapshots: string[];
const day1 = () => new Date('2026-03-01T09:00:00Z');
const day2 = () => new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('press-archive-faults-'));
  template = join(root, 'template');
  const app = await ArchiveService.open(template, { now: day1 });
  const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ title: `पुरानी ${i}`, body: `पुराना पाठ ${i}` }));
  await app.importFiles({ files: [{ name: 'old.ndjson', content: lines.join('\n') }] });
  await app.takeBackup();
  templateSnapshots = await readdir(join(template, 'backups'));
  for (const name of templateSnapshots) expect((await checkArchive(join(template, 'backups', name))).ok).toBe(true);
});
afterAll(() => cleanup());

type Operation = (app: ArchiveService) => Promise<unknown>;
const OPERATIONS: Record<string, Operation> = {
  // The first write of a new day: a daily snapshot first, then the shard and the manifest.
  add: (app) => app.add({ title: 'नई कतरन', body: 'डिस्क भरने पर भी कुछ न खोए' }),
  import: (app) =>
    app.importFiles({
      files: [
        {
          name: 'new.ndjson',
          // 310: the rest of the template's last shard, one full new shard and the start of another.
          content: Array.from({ length: 310 }, (_, i) => JSON.stringify({ title: `नई ${i}`, body: `नया ${i}` })).join(
            '\n',
          ),
        },
      ],
    }),
  edit: async (app) => {
    const [first] = await app.list();
    return app.update({ id: first!.id, title: 'बदली हुई' });
  },
  restoreFile: async (app) => {
    const { content } = await app.backupFile();
    const file = JSON.parse(content) as { clippings: Clipping[] };
    file.clippings = file.clippings.slice(0, 100);
    return app.restoreFile({ name: 'backup.json', content: JSON.stringify(file) });
  },
};

/** Every clipping, the trash included, as stored; ids left out (an add or import makes new random ones). */
async function state(dir: string): Promise<string> {
  const { content } = await (await ArchiveService.open(dir)).backupFile();
  const clippings = (JSON.parse(content) as { clippings: Clipping[] }).clippings;
  return JSON.stringify(clippings.map(({ id: _id, ...rest }) => JSON.stringify(rest)).sort());
}

/** A snapshot's files with their sizes and modification times: what `check` passed before. */
async function stamp(snapshot: string): Promise<string> {
  const files = (await readdir(snapshot, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const lines = await Promise.all(
    files.map(async (e) => {
      const path = join(e.parentPath, e.name);
      const { size, mtimeMs } = await stat(path);
      return `${path.slice(snapshot.length)} ${size} ${mtimeMs}`;
    }),
  );
  return lines.sort().join('\n');
}

/**
 * Files an interrupted write could leave: temp files, unnamed shard files, half-made snapshots.
 * `checked` holds the snapshots already found whole in this folder, by name, with their stamp: one
 * that has not changed since is not read again, every other one is checked in full.
 */
async function leftovers(dir: string, checked: Map<string, string>): Promise<string[]> {
  const listed = new Set((await readManifest(dir)).shards.map((s) => s.file));
  const found: string[] = [];
  for (const name of await readdir(join(dir, 'shards'))) {
    // A summary file belongs to the shard file of the same name.
    if (!listed.has(`shards/${name.replace(/\.summary\.json$/, '.json')}`)) found.push(`shards/${name}`);
  }
  for (const name of await readdir(dir)) if (name.endsWith('.tmp')) found.push(name);
  for (const name of await readdir(join(dir, 'backups'))) {
    const snapshot = join(dir, 'backups', name);
    if (name.startsWith('.')) found.push(`backups/${name}`);
    else if (checked.get(name) === (await stamp(snapshot))) continue;
    else if (!(await checkArchive(snapshot)).ok) found.push(`backups/${name} (incomplete)`);
    else checked.set(name, await stamp(snapshot));
  }
  return found;
}

it(
  'a failing write, fsync or rename at any step of a commit loses nothing and leaves nothing behind',
  { timeout: 600_000 },
  async () => {
    const before = await state(template);
    let tried = 0;
    let lost = 0;
    let leftBehind = 0;
    let inconsistent = 0;
    const report: string[] = [];
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      // The real commit, unfaulted: how many steps it takes, and what it leaves.
      const clean = join(root, `${name}-clean`);
      await cp(template, clean, { recursive: true });
      const cleanApp = await ArchiveService.open(clean, { now: day2 });
      Object.assign(faults, { armed: true, count: 0, failAt: 0 });
      await operation(cleanApp);
      faults.armed = false;
      const steps = faults.count;
      const after = await state(clean);
      expect(steps).toBeGreaterThan(3);
      for (let n = 1; n <= steps; n++) {
        const dir = join(root, `${name}-${n}`);
        await cp(template, dir, { recursive: true });
        // The template's snapshot was checked once, in the template.
        const checked = new Map(
          await Promise.all(
            templateSnapshots.map(async (name) => [name, await stamp(join(dir, 'backups', name))] as const),
          ),
        );
        const app = await ArchiveService.open(dir, { now: day2 });
        Object.assign(faults, { armed: true, count: 0, failAt: n, code: CODES[n % CODES.length], failed: '' });
        const outcome = await operation(app).then(
          () => 'ok',
          (error: { info?: { code: string } }) => error.info?.code ?? `unexpected ${String(error)}`,
        );
        faults.armed = false;
        tried += 1;
        const where = `${name}: step ${n} of ${steps} (${faults.code} at ${faults.failed.replace(dir, '')}) → ${outcome}`;
        expect(['ok', 'io', 'noSpace'], where).toContain(outcome);
        expect((await checkArchive(dir)).ok, where).toBe(true);
        // An error means nothing was written, an acknowledgment that all of it was.
        const now = await state(dir);
        if (now !== before && now !== after) {
          lost += 1;
          report.push(`lost: ${where}`);
        } else if ((outcome === 'ok') !== (now === after)) {
          inconsistent += 1;
          report.push(`${outcome === 'ok' ? 'acknowledged but not written' : 'error but written'}: ${where}`);
        }
        const left = await leftovers(dir, checked);
        if (left.length > 0) {
          leftBehind += 1;
          report.push(`left ${left.join(', ')}: ${where}`);
        }
        // The same open archive writes again at once (a full disk once freed is not a dead end).
        await app.add({ title: 'उसके बाद', body: `फिर से लिखा गया ${n}` });
        expect((await checkArchive(dir)).ok, where).toBe(true);
        expect(await leftovers(dir, checked), where).toEqual([]);
        await cleanupCopy(dir);
      }
    }
    console.log(
      `fault injection: ${tried} failure points tried, ${lost} lost, ${leftBehind} left behind, ` +
        `${inconsistent} where the answer and the disk disagree` +
        (report.length ? `\n${report.join('\n')}` : ''),
    );
    expect(report).toEqual([]);
    expect({ lost, leftBehind, inconsistent }).toEqual({ lost: 0, leftBehind: 0, inconsistent: 0 });
    expect(tried).toBeGreaterThan(40);
  },
);

async function cleanupCopy(dir: string): Promise<void> {
  const { rm } = await import('node:fs/promises');
  if (await stat(dir).catch(() => undefined)) await rm(dir, { recursive: true, force: true });
}
