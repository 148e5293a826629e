// emptyTrash, retag and renameTag through the dispatcher as the UI calls them, on real archive folders.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../archive/service.ts';
import { dispatchedArchivePerTest, valueOf } from '../../support/dispatched-archive.ts';

const archive = dispatchedArchivePerTest();
const value = <T>(method: string, input: unknown) => valueOf<T>(archive.dispatch, method, input);

async function shardsText(): Promise<string> {
  const files = await readdir(join(archive.dir, 'shards'));
  return (await Promise.all(files.map((f) => readFile(join(archive.dir, 'shards', f), 'utf8')))).join('\n');
}

describe('update through the transport', () => {
  it('clears an optional field sent empty and leaves the fields not sent alone', async () => {
    const a = await archive.service.add({
      title: 'क',
      body: 'एक',
      publication: 'अमर उजाला',
      notes: 'टिप्पणी',
      place: 'कानपुर',
    });
    const next = await value<{ publication?: string; notes?: string; place?: string; title: string }>('update', {
      id: a.id,
      title: 'ख',
      publication: '',
      notes: '  ',
    });
    expect(next).toMatchObject({ title: 'ख', place: 'कानपुर' });
    expect(next).not.toHaveProperty('publication');
    expect(next).not.toHaveProperty('notes');
    const reopened = await ArchiveService.open(archive.dir);
    expect(await reopened.get({ id: a.id })).not.toHaveProperty('publication');
    expect((await reopened.get({ id: a.id })).place).toBe('कानपुर');
  });
});

describe('emptyTrash', () => {
  it('removes only the trashed clippings from disk, and they survive until then', async () => {
    const kept = await archive.service.add({ title: 'रखी', body: 'यह कतरन बनी रहेगी' });
    const gone = await archive.service.add({ title: 'हटेगी', body: 'यह कतरन रद्दी से हटेगी' });
    await value('trash', { id: gone.id });
    expect(await shardsText()).toContain('यह कतरन रद्दी से हटेगी');

    expect(await value('emptyTrash', {})).toEqual({ removed: 1 });

    const text = await shardsText();
    expect(text).not.toContain('यह कतरन रद्दी से हटेगी');
    expect(text).toContain('यह कतरन बनी रहेगी');
    const reopened = await ArchiveService.open(archive.dir);
    expect((await reopened.list()).map((c) => c.id)).toContain(kept.id);
    expect(await reopened.list({ trash: true })).toEqual([]);
    expect((await reopened.info()).trashed).toBe(0);
    await expect(reopened.get({ id: gone.id })).rejects.toMatchObject({ info: { code: 'notFound' } });
  });

  it('with an empty trash writes nothing', async () => {
    const before = await readFile(join(archive.dir, 'manifest.json'), 'utf8').catch(() => '');
    const generation = (await archive.service.info()).generation;
    expect(await value('emptyTrash', {})).toEqual({ removed: 0 });
    expect((await archive.service.info()).generation).toBe(generation);
    expect(await readFile(join(archive.dir, 'manifest.json'), 'utf8').catch(() => '')).toBe(before);
  });
});

describe('retag', () => {
  it('adds and removes tags on many clippings, normalized, counting the ones changed', async () => {
    const a = await archive.service.add({ title: 'क', body: 'एक', tags: ['पुलिस'] });
    const b = await archive.service.add({ title: 'ख', body: 'दो', tags: ['अदालत'] });
    const c = await archive.service.add({ title: 'ग', body: 'तीन', tags: ['कानपुर'] });
    const result = await value('retag', { ids: [a.id, b.id, c.id], add: [' कानपुर '], remove: ['पुलिस'] });
    expect(result).toEqual({ changed: 2 });
    const reopened = await ArchiveService.open(archive.dir);
    expect((await reopened.get({ id: a.id })).tags).toEqual(['कानपुर']);
    expect((await reopened.get({ id: b.id })).tags).toEqual(['अदालत', 'कानपुर']);
    expect((await reopened.get({ id: c.id })).tags).toEqual(['कानपुर']);
  });

  it('changes many clippings in one write: one new generation, all of them or none', async () => {
    const lines = Array.from({ length: 600 }, (_, i) =>
      JSON.stringify({ title: `कतरन ${i}`, body: `पाठ संख्या ${i}`, tags: ['पुलिस'] }),
    );
    const report = await archive.service.importFiles({ files: [{ name: 'many.ndjson', content: lines.join('\n') }] });
    const ids = report.addedIds;
    expect(ids).toHaveLength(600);
    const generation = (await archive.service.info()).generation;
    expect(await value('retag', { ids, add: ['कानपुर'] })).toEqual({ changed: 600 });
    expect((await archive.service.info()).generation).toBe(generation + 1);
    expect(await value('renameTag', { from: 'पुलिस', to: 'अपराध' })).toEqual({ changed: 600 });
    expect((await archive.service.info()).generation).toBe(generation + 2);
    const reopened = await ArchiveService.open(archive.dir);
    expect((await reopened.vocabulary()).tags).toEqual([
      { value: 'अपराध', count: 600 },
      { value: 'कानपुर', count: 600 },
    ]);
  });

  it('refuses an unknown id before changing anything', async () => {
    const a = await archive.service.add({ title: 'क', body: 'एक' });
    const envelope = await archive.dispatch('retag', { ids: [a.id, 'zzzzzzzzzz'], add: ['नया'] });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect((await archive.service.get({ id: a.id })).tags).toEqual([]);
  });

  it('refuses a tag with control characters, changing nothing', async () => {
    const a = await archive.service.add({ title: 'क', body: 'एक', tags: ['पुलिस'] });
    const envelope = await archive.dispatch('retag', { ids: [a.id], add: ['बुरा\u0007'] });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await archive.service.get({ id: a.id })).tags).toEqual(['पुलिस']);
  });
});

describe('renameTag', () => {
  it('renames a tag everywhere, the trash included; a name in use merges the two', async () => {
    const a = await archive.service.add({ title: 'क', body: 'एक', tags: ['पुलीस', 'पुलिस'] });
    const b = await archive.service.add({ title: 'ख', body: 'दो', tags: ['पुलीस'] });
    const c = await archive.service.add({ title: 'ग', body: 'तीन', tags: ['अदालत'] });
    await archive.service.trash({ id: b.id });
    expect(await value('renameTag', { from: 'पुलीस', to: 'पुलिस' })).toEqual({ changed: 2 });
    const reopened = await ArchiveService.open(archive.dir);
    expect((await reopened.get({ id: a.id })).tags).toEqual(['पुलिस']);
    expect((await reopened.get({ id: b.id })).tags).toEqual(['पुलिस']);
    expect((await reopened.get({ id: c.id })).tags).toEqual(['अदालत']);
    expect((await reopened.vocabulary()).tags.map((t) => t.value)).toEqual(['अदालत', 'पुलिस']);
  });

  it('refuses an empty new name', async () => {
    await archive.service.add({ title: 'क', body: 'एक', tags: ['पुलिस'] });
    const envelope = await archive.dispatch('renameTag', { from: 'पुलिस', to: '  ' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await archive.service.vocabulary()).tags).toEqual([{ value: 'पुलिस', count: 1 }]);
  });
});

describe('backupFile and restoreFile', () => {
  it('writes the whole archive, trash included, and puts it back with the current state kept aside', async () => {
    const kept = await archive.service.add({ title: 'रखी', body: 'बैकअप से पहले की कतरन', tags: ['पुलिस'] });
    const trashed = await archive.service.add({ title: 'रद्दी', body: 'रद्दी में पड़ी कतरन' });
    await archive.service.trash({ id: trashed.id });
    const file = await value<{ fileName: string; content: string; count: number }>('backupFile', {});
    expect(file.fileName).toMatch(/^press-archive-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.count).toBe(3); // the seed, kept and trashed

    await archive.service.add({ title: 'बाद की', body: 'बैकअप के बाद जोड़ी गई कतरन' });
    await archive.service.update({ id: kept.id, title: 'बदली' });
    const result = await value<{ restored: number; setAside: string }>('restoreFile', {
      name: file.fileName,
      content: file.content,
    });
    expect(result.restored).toBe(3);

    const reopened = await ArchiveService.open(archive.dir);
    expect((await reopened.get({ id: kept.id })).title).toBe('रखी');
    expect((await reopened.list({ trash: true })).map((c) => c.id)).toEqual([trashed.id]);
    expect(await reopened.list()).toHaveLength(2);
    expect(await shardsText()).not.toContain('बैकअप के बाद जोड़ी गई कतरन');
    // The state before the restore is a snapshot that can itself be restored.
    expect((await reopened.backups()).map((b) => b.name)).toContain(result.setAside);
    await reopened.restoreBackup({ name: result.setAside });
    const again = await ArchiveService.open(archive.dir);
    expect((await again.get({ id: kept.id })).title).toBe('बदली');
  });

  it('refuses a file that is not a backup, or a damaged one, changing nothing', async () => {
    await archive.service.add({ title: 'क', body: 'एक' });
    const good = JSON.parse((await archive.service.backupFile()).content) as { clippings: { title: string }[] };
    good.clippings[0]!.title = '';
    const before = await shardsText();
    for (const content of ['not json', JSON.stringify({ clippings: [] }), JSON.stringify(good)]) {
      const envelope = await archive.dispatch('restoreFile', { name: 'bad.json', content });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unreadableFile', params: { file: 'bad.json' } } });
    }
    expect(await shardsText()).toBe(before);
  });
});
