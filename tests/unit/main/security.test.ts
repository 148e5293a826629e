// App-wide guards: navigation stays on the app origin, no new windows or webviews, every
// permission denied, no request to the network.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-stand-in.ts'));

import { installWebContentsGuards, secureDefaultSession } from '../../../main/security.ts';
import { app, FakeWebContents, resetStandIn, session } from '../../support/electron-stand-in.ts';

function newContents(): FakeWebContents {
  const contents = new FakeWebContents();
  app.emit('web-contents-created', { preventDefault() {} }, contents);
  return contents;
}

function navigate(contents: FakeWebContents, eventName: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  resetStandIn();
  installWebContentsGuards();
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: blocks everything but the app origin',
    (eventName) => {
      const contents = newContents();
      expect(navigate(contents, eventName, 'https://example.com/')).toBe(true);
      expect(navigate(contents, eventName, 'http://127.0.0.1:8080/')).toBe(true);
      expect(navigate(contents, eventName, 'file:///etc/passwd')).toBe(true);
      expect(navigate(contents, eventName, 'app://evil/index.html')).toBe(true);
      expect(navigate(contents, eventName, 'javascript:alert(1)')).toBe(true);
      expect(navigate(contents, eventName, '')).toBe(true);
      expect(navigate(contents, eventName, 'app://press-archive/index.html')).toBe(false);
    },
  );

  it('guards every web contents created, not just the first', () => {
    newContents();
    const second = newContents();
    expect(navigate(second, 'will-navigate', 'https://example.com/')).toBe(true);
  });
});

describe('windows and webviews', () => {
  it('denies window.open', () => {
    const contents = newContents();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://press-archive/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const contents = newContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('sessions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies the %s permission',
    (permission) => {
      const contents = newContents();
      const callback = vi.fn();
      contents.session.permissionRequestHandler!(contents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(contents.session.permissionCheckHandler!(contents, permission, 'app://press-archive', {})).toBe(false);
    },
  );

  it('secures the default session too, and cancels requests to the network', () => {
    secureDefaultSession();
    const defaultSession = session.defaultSession;
    const callback = vi.fn();
    defaultSession.permissionRequestHandler!(null, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(defaultSession.permissionCheckHandler!(null, 'media', 'app://press-archive', {})).toBe(false);
    expect(defaultSession.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    const cancel = vi.fn();
    defaultSession.beforeRequest!.listener({ url: 'https://example.com/tracker.js' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
  });
});
