// The API's read-only methods (vocabulary, similar, exportData), through the dispatcher as the UI calls them, on a real archive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../archive/service.ts';
import { FIRST_ARTICLE_TEXT } from '../../../archive/seed/index.ts';
import { createDispatcher, type Dispatch } from '../../../archive/transport/dispatch.ts';
import { tempDir } from '../../support/temp.ts';

let cleanup: () => Promise<void>;
let service: ArchiveService;
let dispatch: Dispatch;

beforeEach(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  service = await ArchiveService.open(temp.dir);
  dispatch = createDispatcher(service);
});
afterEach(() => cleanup());

async function value<T>(method: string, input: unknown): Promise<T> {
  const envelope = await dispatch(method, input);
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
}

describe('vocabulary', () => {
  it('counts publications and tags of clippings not in the trash, most used first', async () => {
    await service.add({ title: 'क', body: 'एक', publication: 'अमर उजाला', tags: ['पुलिस', 'कानपुर'] });
    await service.add({ title: 'ख', body: 'दो', publication: 'अमर उजाला', tags: ['पुलिस'] });
    const trashed = await service.add({ title: 'ग', body: 'तीन', publication: 'जनसत्ता', tags: ['पुलिस'] });
    await service.trash({ id: trashed.id });
    expect(await value('vocabulary', {})).toEqual({
      publications: [{ value: 'अमर उजाला', count: 2 }],
      tags: [
        { value: 'पुलिस', count: 2 },
        { value: 'कानपुर', count: 1 },
      ],
    });
  });
});

describe('similar', () => {
  it('flags the same agency story printed with small edits, and nothing else', async () => {
    const edited = await service.add({
      title: 'कानपुर कमिश्नरेट के चार साल',
      body: FIRST_ARTICLE_TEXT.replace('डीजीपी प्रशांत कुमार कानपुर पहुंचे', 'पुलिस महानिदेशक प्रशांत कुमार गुरुवार को कानपुर पहुंचे'),
      publication: 'दूसरा अख़बार',
    });
    await service.add({ title: 'बाढ़', body: 'पटना में गंगा का जलस्तर बढ़ा और प्रशासन ने चेतावनी जारी की।' });
    const seed = (await service.list()).find((c) => c.title.startsWith('उत्तर प्रदेश'))!;
    const similar = await value<{ id: string; similarity: number }[]>('similar', { id: seed.id });
    expect(similar.map((s) => s.id)).toEqual([edited.id]);
    expect(similar[0]!.similarity).toBeGreaterThan(0.8);
    expect(similar[0]!.similarity).toBeLessThan(1);
  });
});

describe('exportData', () => {
  it('exports the chosen clippings, or all not in the trash, in the asked format', async () => {
    const a = await service.add({ title: 'पहली', body: 'पाठ एक' });
    const b = await service.add({ title: 'दूसरी', body: 'पाठ दो' });
    await service.trash({ id: b.id });
    const all = await value<{ count: number; content: string; fileName: string; mimeType: string }>('exportData', {
      format: 'ndjson',
    });
    expect(all.count).toBe(2); // a and the seed
    expect(all.fileName).toMatch(/^press-archive-\d{4}-\d{2}-\d{2}\.ndjson$/);
    expect(
      all.content
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).title),
    ).toEqual(['पहली', expect.stringMatching(/^उत्तर प्रदेश/)]);
    const chosen = await value<{ count: number; content: string; mimeType: string }>('exportData', {
      format: 'csv',
      ids: [a.id, b.id],
    });
    expect(chosen.count).toBe(2);
    expect(chosen.mimeType).toBe('text/csv');
    expect(chosen.content).toContain('दूसरी');
  });

  it('refuses an unknown format or id without writing anything', async () => {
    expect(await dispatch('exportData', { format: 'xml' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('exportData', { format: 'json', ids: ['abcdefgh123'] })).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });
});
