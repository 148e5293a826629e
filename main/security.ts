// App-wide guards: every web contents stays on the app origin, opens no windows, attaches no
// webviews; every session denies all permissions and loads nothing from the network.
import { app, session as electronSession, type Session, type WebContents } from 'electron';
import { isAppUrl } from './origin.ts';

type NavigationEvent = { url?: string; preventDefault(): void };

function blockForeignNavigation(event: NavigationEvent, legacyUrl?: unknown): void {
  const url = event.url ?? (typeof legacyUrl === 'string' ? legacyUrl : undefined);
  if (!isAppUrl(url)) event.preventDefault();
}

/** Guards one web contents (a window's page, DevTools, anything created later). */
export function secureWebContents(contents: WebContents): void {
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-frame-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];
const secured = new WeakSet<Session>();

/** Denies every permission request and check, and cancels every request to the network. */
export function secureSession(session: Session): void {
  if (secured.has(session)) return;
  secured.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (_details, callback) => callback({ cancel: true }));
}

/** Before ready: guards every web contents as it is created (and its session). */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    secureWebContents(contents);
    secureSession(contents.session);
  });
}

/** Once ready: the default session, before any page loads. */
export function secureDefaultSession(): void {
  secureSession(electronSession.defaultSession);
}
