// The API's read-only methods (vocabulary, similar, searchSnippets, exportData), through the dispatcher as the UI calls them, on a real archive.
import { describe, expect, it } from 'vitest';
import { FIRST_ARTICLE_TEXT } from '../../../archive/seed/index.ts';
import { dispatchedArchivePerTest, valueOf } from '../../support/dispatched-archive.ts';

const archive = dispatchedArchivePerTest();
const value = <T>(method: string, input: unknown) => valueOf<T>(archive.dispatch, method, input);

describe('vocabulary', () => {
  it('counts publications and tags of clippings not in the trash, most used first', async () => {
    await archive.service.add({ title: 'क', body: 'एक', publication: 'अमर उजाला', tags: ['पुलिस', 'कानपुर'] });
    await archive.service.add({ title: 'ख', body: 'दो', publication: 'अमर उजाला', tags: ['पुलिस'] });
    const trashed = await archive.service.add({ title: 'ग', body: 'तीन', publication: 'जनसत्ता', tags: ['पुलिस'] });
    await archive.service.trash({ id: trashed.id });
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
    const edited = await archive.service.add({
      title: 'कानपुर कमिश्नरेट के चार साल',
      body: FIRST_ARTICLE_TEXT.replace('डीजीपी प्रशांत कुमार कानपुर पहुंचे', 'पुलिस महानिदेशक प्रशांत कुमार गुरुवार को कानपुर पहुंचे'),
      publication: 'दूसरा अख़बार',
    });
    await archive.service.add({ title: 'बाढ़', body: 'पटना में गंगा का जलस्तर बढ़ा और प्रशासन ने चेतावनी जारी की।' });
    const seed = (await archive.service.list()).find((c) => c.title.startsWith('उत्तर प्रदेश'))!;
    const similar = await value<{ id: string; similarity: number }[]>('similar', { id: seed.id });
    expect(similar.map((s) => s.id)).toEqual([edited.id]);
    expect(similar[0]!.similarity).toBeGreaterThan(0.8);
    expect(similar[0]!.similarity).toBeLessThan(1);
  });
});

describe('searchSnippets', () => {
  it('gives each clipping asked for its passage, in the order asked, and skips ids not in the archive', async () => {
    const flood = await archive.service.add({
      title: 'बाढ़',
      body: 'पटना में गंगा का जलस्तर बढ़ा और प्रशासन ने चेतावनी जारी की।',
    });
    const seed = (await archive.service.list()).find((c) => c.title.startsWith('उत्तर प्रदेश'))!;
    const snippets = await value<{ id: string; snippet: { text: string; match: boolean }[] }[]>('searchSnippets', {
      ids: [flood.id, 'zzzzzzzzzzzzzzzzz', seed.id],
      query: 'गंगा ड्रोन',
    });
    expect(snippets.map((s) => s.id)).toEqual([flood.id, seed.id]);
    expect(snippets[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['गंगा']);
    expect(snippets[1]!.snippet.filter((s) => s.match).map((s) => s.text)).toContain('ड्रोन');
  });
});

describe('exportData', () => {
  it('exports the chosen clippings, or all not in the trash, in the asked format', async () => {
    const a = await archive.service.add({ title: 'पहली', body: 'पाठ एक' });
    const b = await archive.service.add({ title: 'दूसरी', body: 'पाठ दो' });
    await archive.service.trash({ id: b.id });
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
    expect(await archive.dispatch('exportData', { format: 'xml' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(await archive.dispatch('exportData', { format: 'json', ids: ['abcdefgh123'] })).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });
});
