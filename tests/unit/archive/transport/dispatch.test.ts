import { describe, expect, it } from 'vitest';
import { api, type ApiHandlers } from '../../../../archive/api.ts';
import { API_METHODS } from '../../../../archive/api-methods.ts';
import { ArchiveService } from '../../../../archive/service.ts';
import { ANSWERS_OF_CHECKED_RECORDS, createDispatcher } from '../../../../archive/transport/dispatch.ts';
import { tempDir } from '../../../support/temp.ts';

describe('the API declaration', () => {
  it('declares input and output schemas for exactly the listed methods', () => {
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
  });

  it('is implemented by the service, method for method', async () => {
    const { dir, cleanup } = await tempDir();
    const service = await ArchiveService.open(dir);
    for (const method of API_METHODS) expect(typeof service[method], method).toBe('function');
    await cleanup();
  });
});

describe('createDispatcher', () => {
  it('validates arguments before the service sees them', async () => {
    const { dir, cleanup } = await tempDir();
    const dispatch = createDispatcher(await ArchiveService.open(dir));
    expect(await dispatch('get', { id: '../../etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'validation', fields: [{ field: 'id', code: 'badId' }] },
    });
    expect(await dispatch('list', { trash: 'yes' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('list', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    expect(await dispatch('get', { id: 'abcdefgh123' })).toEqual({
      ok: false,
      error: { code: 'notFound', params: { id: 'abcdefgh123' } },
    });
    await cleanup();
  });

  it('validates results too: a malformed answer never reaches the UI', async () => {
    const { dir, cleanup } = await tempDir();
    const service = await ArchiveService.open(dir);
    const broken = Object.create(service) as ApiHandlers;
    broken.info = async () => ({ archiveDir: dir }) as never;
    const envelope = await createDispatcher(broken)('info', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await createDispatcher(service)('info', {})).toMatchObject({
      ok: true,
      value: { clippings: 1, trashed: 0 },
    });
    await cleanup();
  });

  it('passes on the list and the text as read: checking them against their schemas would change nothing', async () => {
    const { dir, cleanup } = await tempDir();
    const service = await ArchiveService.open(dir);
    const dispatch = createDispatcher(service);
    const records = [
      { title: 'पूरा', body: 'सब क्षेत्र भरे', publication: 'हिंदुस्तान', date: '2024-03', author: 'संवाददाता' },
      { title: 'Tags', body: 'text', tags: ['बाढ़', 'पटना'], url: 'https://example.in/a?b=c', language: 'en' },
      { title: 'कम', body: 'बस शीर्षक और पाठ' },
    ];
    const content = records.map((r) => JSON.stringify(r)).join('\n');
    await service.importFiles({ files: [{ name: 'feed.ndjson', content }] });
    const [toTrash] = await service.list();
    await service.trash({ id: toTrash!.id });
    const edited = await service.update({ id: (await service.list())[0]!.id, notes: 'टिप्पणी', edition: 'पटना' });

    expect([...ANSWERS_OF_CHECKED_RECORDS].sort()).toEqual(['list', 'searchCorpus']);
    for (const [method, input] of [
      ['list', {}],
      ['list', { trash: true }],
      ['searchCorpus', {}],
      ['searchCorpus', { ids: [edited.id, toTrash!.id] }],
    ] as const) {
      const envelope = (await dispatch(method, input)) as { ok: true; value: unknown[] };
      expect(envelope.ok, method).toBe(true);
      expect(envelope.value.length, `${method} ${JSON.stringify(input)}`).toBeGreaterThan(0);
      expect(api[method].output.parse(envelope.value), method).toStrictEqual(envelope.value);
    }
    await cleanup();
  });
});
