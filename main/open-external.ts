// The one way the desktop app hands a web address to the system browser. It is reached only through
// the API's openClippingUrl (archive/service.ts), which first checks that the address is the one stored
// with the clipping the user clicked; this checks the scheme again right before the shell sees it.
import { shell } from 'electron';
import { ArchiveError } from '../archive/errors.ts';

/** The canonical http(s) form of a web address, or undefined for anything else (file:, smb:, javascript:…). */
export function externalHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '') return undefined;
  return url.href;
}

/** Shows the archive's folder (the service passes only its own directory) in the file manager. */
export async function showFolder(dir: string): Promise<void> {
  const failure = await shell.openPath(dir);
  if (failure !== '') throw new ArchiveError({ code: 'io', params: { path: dir, detail: failure } });
}

export async function openExternalUrl(value: string): Promise<void> {
  const url = externalHttpUrl(value);
  if (url === undefined) throw new ArchiveError({ code: 'linkRefused' });
  // Safe: `url` is an http(s) address (checked just above) and the service passes only the address
  // stored with the clipping the user clicked; the shell opens it in the browser, never as a file.
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}
