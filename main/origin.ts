// The app's own origin: the renderer is served from app://press-archive/ and nothing else is trusted.
export const APP_SCHEME = 'app';
export const APP_HOST = 'press-archive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL belongs to the app. Compares scheme and host rather than `URL.origin`, which Node
 * reports as "null" for schemes it does not know (Chromium knows ours: it is registered standard).
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
