// The Electron transport of the API: one ipcMain.handle per method in API_METHODS, generated, each
// refusing callers that are not the app's own main frame, then handing over to the dispatcher
// (which validates the arguments and the result and turns errors into envelopes). Progress events of
// a long call go back to the window that made it, on IPC_PROGRESS_CHANNEL.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../archive/api.ts';
import {
  API_METHODS,
  IPC_BYTES_CHANNEL,
  IPC_PREFIX,
  IPC_PROGRESS_CHANNEL,
  isBytesMethod,
} from '../archive/api-methods.ts';
import type { Dispatch } from '../archive/transport/dispatch.ts';
import { isAppUrl } from './origin.ts';

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;
type Sender = Pick<IpcMainInvokeEvent['sender'], 'send' | 'isDestroyed'>;

/** Where a call's progress goes: its own window, while that window is open. */
export function progressTo(sender: Sender) {
  return (event: unknown): void => {
    if (!sender.isDestroyed()) sender.send(IPC_PROGRESS_CHANNEL, event);
  };
}

/** Only the top frame of a page served from app://press-archive may call the API. */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export const UNTRUSTED_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'badRequest', params: { detail: 'the caller is not the Press Archive window' } },
};

/** answerBytes: the envelope of one of BYTES_METHODS, serialized here so the page never parses it. */
export async function envelopeBytes(dispatch: Dispatch, method: unknown, input: unknown): Promise<Uint8Array> {
  const envelope: Envelope<unknown> = isBytesMethod(method)
    ? await dispatch(method, input)
    : { ok: false, error: { code: 'badRequest', params: { detail: 'not a method answered as bytes' } } };
  return new TextEncoder().encode(JSON.stringify(envelope));
}

export function registerIpcHandlers(dispatch: Dispatch): void {
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_PREFIX + method, async (event, input: unknown) => {
      if (!isTrustedSender(event)) return UNTRUSTED_SENDER;
      return dispatch(method, input, progressTo(event.sender));
    });
  }
  ipcMain.handle(IPC_BYTES_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return new TextEncoder().encode(JSON.stringify(UNTRUSTED_SENDER));
    return envelopeBytes(dispatch, method, input);
  });
}

export function removeIpcHandlers(): void {
  for (const method of API_METHODS) ipcMain.removeHandler(IPC_PREFIX + method);
  ipcMain.removeHandler(IPC_BYTES_CHANNEL);
}
