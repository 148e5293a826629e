// The archive lock (archive/storage/lock.ts): a lock left by a killed process is taken over (at once
// when its holder is known to be gone, after the staleness limit otherwise); a live holder is waited
// for; a writer whose lock was taken from it refuses to commit. The other process holds the lock
// through lock.ts itself (tests/support/lock-holder.ts), not through a copy of its protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../archive/service.ts';
import { checkArchive } from '../../../../archive/storage/check.ts';
import { breakAbandonedLock } from '../../../../archive/storage/lock.ts';
import { ShardedStore } from '../../../../archive/storage/sharded-store.ts';
import { readManifest } from '../../../support/archive-files.ts';
import { buildForNode } from '../../../support/build-for-node.ts';
import { snapshotFiles } from '../../../support/snapshot.ts';
import { tempDir } from '../../../support/temp.ts';

let lockHolder: Awaited<ReturnType<typeof buildForNode>>;
let dir: string;
let cleanup: () => Promise<void>;
let holder: ChildProcess | undefined;

beforeAll(async () => {
  lockHolder = await buildForNode('tests/support/lock-holder.ts');
});
afterAll(() => lockHolder.remove());
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
 * Another process takes the archive lock with lock.ts and keeps it until killed, or, with
 * `releaseOnRequest`, until a line on its stdin (it answers 'released').
 */
async function holdLockInAnotherProcess(releaseOnRequest = false): Promise<ChildProcess> {
  const args = [lockHolder.file, dir, ...(releaseOnRequest ? ['release-on-request'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
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
    expect(refused).toEqual({ code: 'changedElsewhere' });
    expect((await readManifest(dir)).generation).toBe(generation);
    const after = await snapshotFiles(dir);
    // Only the daily snapshot (taken before the write was attempted) differs.
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
    expect((await checkArchive(dir)).ok).toBe(true);
    expect(await readdir(dir)).toContain('archive.lock'); // the lock is the thief's now: left alone
  });

  it('a writer that stalled past the staleness limit and lost its lock notices, and never calls the archive damaged', async () => {
    const stalled = await ArchiveService.open(dir);
    await stalled.add({ title: 'पहले से', body: 'पहले से है' });
    const other = await ArchiveService.open(dir);
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let holding!: () => void;
    const inside = new Promise<void>((resolve) => (holding = resolve));
    const store = await ShardedStore.open(dir, { initialClippings: () => [] });
    const stalledWrite = store
      .insert(async () => {
        holding();
        await paused; // stopped (SIGSTOP, a sleeping laptop) while it holds the lock
        const at = new Date().toISOString();
        return [
          { id: 'zzzzzzzzzzzzzzzzz', title: 't', body: 'b', language: 'hi', tags: [], addedAt: at, updatedAt: at },
        ];
      })
      .then(
        () => 'written',
        (e: { info?: { code: string } }) => e.info?.code ?? String(e),
      );
    await inside;
    // Its lock has not been touched for longer than the staleness limit: another process takes it over.
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'archive.lock'), old, old);
    const theirs = await other.add({ title: 'दूसरे की', body: 'दूसरे प्रोग्राम ने लिखी' });
    resume();
    expect(await stalledWrite).toBe('changedElsewhere');
    expect((await checkArchive(dir)).ok).toBe(true);
    expect((await other.get({ id: theirs.id })).title).toBe('दूसरे की');
    expect(await other.get({ id: 'zzzzzzzzzzzzzzzzz' }).catch((e: { info: { code: string } }) => e.info.code)).toBe(
      'notFound',
    );
    // Neither the stalled writer nor an app that was open all along went read-only.
    expect((await stalled.info()).damage).toBeUndefined();
    const next = await store.insert(async () => []);
    expect(next).toEqual([]);
    expect(store.damage).toBeUndefined();
    await stalled.add({ title: 'फिर से', body: 'लिखा जा सकता है' });
    expect((await checkArchive(dir)).ok).toBe(true);
  });

  it('is kept fresh while a long write runs, so a working writer keeps it', async () => {
    const app = await ArchiveService.open(dir);
    const lock = join(dir, 'archive.lock');
    const store = await ShardedStore.open(dir, { initialClippings: () => [] });
    const touched = await store.insert(async () => {
      const first = (await stat(lock)).mtimeMs;
      const seen = new Set([first]);
      // Waits for the holder to touch the lock twice: the event itself, however slow the machine.
      while (seen.size < 3) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen.add((await stat(lock)).mtimeMs);
      }
      expect(await breakAbandonedLock(lock)).toBe(false);
      return [];
    });
    expect(touched).toEqual([]);
    await app.add({ title: 'बाद में', body: 'ताला छूट गया' });
  });
});
