// The archive lock: a lock left by a killed process is taken over (at once when its holder is known
// to be gone, after the staleness limit otherwise); a live holder is waited for; a writer whose lock
// was taken from it refuses to commit.
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../archive/service.ts';
import { checkArchive } from '../../archive/storage/check.ts';
import { ShardedStore } from '../../archive/storage/sharded-store.ts';
import { readManifest } from '../support/archive-files.ts';
import { snapshotFiles } from '../support/snapshot.ts';
import { tempDir } from '../support/temp.ts';

const PROJECT = join(import.meta.dirname, '../..');
let dir: string;
let cleanup: () => Promise<void>;
let holder: ChildProcess | undefined;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  dir = join(dir, 'archive');
});
afterEach(async () => {
  holder?.kill('SIGKILL');
  holder = undefined;
  await cleanup();
});

/**
 * Another process takes the archive lock the way the app does (proper-lockfile + its note) and
 * keeps it until killed, or, with `releaseOnRequest`, until a line on its stdin (it answers 'released').
 */
async function holdLockInAnotherProcess(releaseOnRequest = false): Promise<ChildProcess> {
  const script = `
    import lockfile from 'proper-lockfile';
    import { rmSync, writeFileSync } from 'node:fs';
    import { hostname } from 'node:os';
    const [dir, releaseOnRequest] = process.argv.slice(1);
    const lockPath = dir + '/archive.lock';
    const release = await lockfile.lock(dir, { lockfilePath: lockPath, stale: 10000, realpath: false });
    writeFileSync(lockPath + '/owner.json', JSON.stringify({ pid: process.pid, host: hostname(), token: 'other' }));
    console.log('locked');
    if (releaseOnRequest) process.stdin.once('data', async () => { rmSync(lockPath + '/owner.json'); await release(); console.log('released'); });
    else setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir, releaseOnRequest ? 'yes' : ''], {
    cwd: PROJECT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
  return child;
}

/** Resolves when a writer in this process first tries to take the lock (it builds its lock folder aside). */
function firstLockAttempt(archiveDir: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(archiveDir, (_event, name) => {
      if (!name?.startsWith('archive.lock.new-')) return;
      watcher.close();
      resolve();
    });
  });
}

describe('the archive lock', () => {
  it('is taken over at once when the process that left it was killed', async () => {
    const app = await ArchiveService.open(dir);
    holder = await holdLockInAnotherProcess();
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder!.once('exit', resolve));
    expect(await readdir(dir)).toContain('archive.lock'); // left behind
    // Touched an hour ahead, it can never be stale by its age during this test: if the write goes
    // through, the lock was taken over because its holder is gone, not after the staleness limit.
    const ahead = new Date(Date.now() + 3_600_000);
    await utimes(join(dir, 'archive.lock'), ahead, ahead);
    await app.add({ title: 'फिर भी', body: 'लिखा गया' });
    expect(await readdir(dir)).not.toContain('archive.lock');
    expect((await checkArchive(dir)).ok).toBe(true);
  });

  it('is taken over when it is stale: no note of its holder and untouched for longer than the limit', async () => {
    const app = await ArchiveService.open(dir);
    await mkdir(join(dir, 'archive.lock'));
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'archive.lock'), old, old);
    await app.add({ title: 'पुराना ताला', body: 'हटाया गया' });
    expect(await readdir(dir)).not.toContain('archive.lock');
  });

  it('is waited for while its holder runs, and the write then goes through', async () => {
    const app = await ArchiveService.open(dir);
    holder = await holdLockInAnotherProcess(true);
    const events: string[] = [];
    const tried = firstLockAttempt(dir);
    const adding = app.add({ title: 'इंतज़ार', body: 'बारी आने पर' }).then((value) => {
      events.push('added');
      return value;
    });
    await tried;
    events.push('release asked');
    holder.stdin!.write('release\n');
    const value = await adding;
    expect(events).toEqual(['release asked', 'added']); // it waited for the holder, then wrote
    expect((await app.get({ id: value.id })).title).toBe('इंतज़ार');
  });

  it('a writer whose lock was taken from it does not commit', async () => {
    await ArchiveService.open(dir);
    const store = await ShardedStore.open(dir, { initialClippings: () => [] });
    const before = await snapshotFiles(dir);
    const generation = (await readManifest(dir)).generation;
    const refused = await store
      .insert(async () => {
        // Someone decided this lock was abandoned and took it (as after a stall past the staleness limit).
        await writeFile(join(dir, 'archive.lock', 'owner.json'), JSON.stringify({ pid: 1, host: 'x', token: 'thief' }));
        const at = new Date().toISOString();
        return [
          { id: 'zzzzzzzzzzzzzzzzz', title: 't', body: 'b', language: 'hi', tags: [], addedAt: at, updatedAt: at },
        ];
      })
      .then(
        () => undefined,
        (e: { info?: unknown }) => e.info,
      );
    expect(refused).toEqual({ code: 'locked' });
    expect((await readManifest(dir)).generation).toBe(generation);
    const after = await snapshotFiles(dir);
    // Only the daily snapshot (taken before the write was attempted) and the orphaned shard differ.
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
    expect((await checkArchive(dir)).ok).toBe(true);
    expect(await readdir(dir)).toContain('archive.lock'); // the lock is the thief's now: left alone
  });
});
