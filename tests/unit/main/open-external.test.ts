// shell.openExternal only for the http(s) address stored with the clipping the user clicked: the
// service's check (real archive on disk), main's scheme check, and the IPC path with sender checks.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { IPC_PREFIX } from '../../../archive/api-methods.ts';
import { ArchiveService } from '../../../archive/service.ts';
import { createDispatcher } from '../../../archive/transport/dispatch.ts';
import { registerIpcHandlers } from '../../../main/ipc.ts';
import { externalHttpUrl, openExternalUrl } from '../../../main/open-external.ts';
import { tempDir } from '../../support/temp.ts';
import { fakeInvokeEvent, recorded, resetStandIn, shell } from '../../support/electron-stand-in.ts';

const STORY_URL = 'https://www.example.com/news/ganga-jalstar?id=42';
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  resetStandIn();
  ({ dir, cleanup } = await tempDir('press-archive-open-external-'));
});
afterEach(() => cleanup());

async function archiveWithStory(openInBrowser?: (url: string) => Promise<void>) {
  const service = await ArchiveService.open(join(dir, 'archive'), { openInBrowser });
  const story = await service.add({ title: 'गंगा में बढ़ा जलस्तर', body: 'पटना में जलस्तर बढ़ा।', url: STORY_URL });
  const plain = await service.add({ title: 'बिना पते की कतरन', body: 'इसका कोई वेब पता नहीं।' });
  return { service, story, plain };
}

describe('openClippingUrl in the service', () => {
  it('opens the address stored with the clipping, and only that', async () => {
    const opened: string[] = [];
    const { service, story, plain } = await archiveWithStory(async (url) => void opened.push(url));
    await expect(service.openClippingUrl({ id: story.id, url: STORY_URL })).resolves.toEqual({
      url: STORY_URL,
      opened: true,
    });
    expect(opened).toEqual([STORY_URL]);

    const refused = [
      { id: story.id, url: 'https://evil.example/' }, // another address
      { id: story.id, url: `${STORY_URL}#x` }, // not exactly the stored one
      { id: story.id, url: 'file:///etc/passwd' },
      { id: story.id, url: 'javascript:alert(1)' },
      { id: plain.id, url: STORY_URL }, // a clipping without an address
    ];
    for (const input of refused) {
      await expect(service.openClippingUrl(input), input.url).rejects.toMatchObject({
        info: { code: 'linkRefused' },
      });
    }
    await expect(service.openClippingUrl({ id: 'zzzzzzzzzz', url: STORY_URL })).rejects.toMatchObject({
      info: { code: 'notFound' },
    });
    expect(opened).toEqual([STORY_URL]);
  });

  it('without a system browser (press-archive serve) leaves the opening to the page', async () => {
    const { service, story } = await archiveWithStory();
    await expect(service.openClippingUrl({ id: story.id, url: STORY_URL })).resolves.toEqual({
      url: STORY_URL,
      opened: false,
    });
  });
});

describe('main/open-external.ts', () => {
  it('hands only http(s) addresses to shell.openExternal', async () => {
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-settings:',
      'data:text/html,<script>1</script>',
      'https://',
      'not a url',
      '',
    ]) {
      expect(externalHttpUrl(bad), bad).toBeUndefined();
      await expect(openExternalUrl(bad), bad).rejects.toMatchObject({ info: { code: 'linkRefused' } });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    await openExternalUrl('HTTPS://Example.com/a b');
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/a%20b');
  });
});

describe('the IPC path: page → main → service → shell', () => {
  const call = (input: unknown, url = 'app://press-archive/index.html', subframe = false) =>
    recorded.ipcHandlers.get(IPC_PREFIX + 'openClippingUrl')!(fakeInvokeEvent(url, { subframe }), input);

  it('opens the clicked clipping address for the app page and for nobody else', async () => {
    const { service, story } = await archiveWithStory(openExternalUrl);
    registerIpcHandlers(createDispatcher(service));

    expect(await call({ id: story.id, url: STORY_URL })).toEqual({ ok: true, value: { url: STORY_URL, opened: true } });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(STORY_URL);

    // Another page or a subframe cannot use it; nor can the app page for another address.
    expect((await call({ id: story.id, url: STORY_URL }, 'https://evil.example/')).ok).toBe(false);
    expect((await call({ id: story.id, url: STORY_URL }, 'app://press-archive/index.html', true)).ok).toBe(false);
    expect(await call({ id: story.id, url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'linkRefused' },
    });
    expect((await call({ url: STORY_URL })).ok).toBe(false); // no id: validation
    expect((await call({ id: story.id, url: STORY_URL, extra: 1 })).ok).toBe(false); // strict input
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});
