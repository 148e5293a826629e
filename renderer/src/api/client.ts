// The typed client over `window.pressArchive`: unwraps envelopes, throws ApiError on refusal.
import type { ApiOutput, BridgeInput, Envelope, Progress } from '../../../archive/api.ts';
import type { ApiMethod, BytesMethod } from '../../../archive/api-methods.ts';
import type { ClippingInput } from '../../../archive/clipping.ts';
import { ApiError } from './api-error.ts';

type ApiInput<M extends ApiMethod> = BridgeInput<M>;

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const bridge = window.pressArchive as Window['pressArchive'] | undefined;
  if (!bridge) throw new ApiError({ code: 'internal', params: { detail: 'window.pressArchive is missing' } });
  const send = bridge[method] as (input: ApiInput<M>) => Promise<Envelope<ApiOutput<M>>>;
  let envelope: Envelope<ApiOutput<M>>;
  try {
    envelope = await send(input);
  } catch (error) {
    throw new ApiError({
      code: 'internal',
      params: { detail: error instanceof Error ? error.message : String(error) },
    });
  }
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value;
}

export const archiveClient = {
  info: () => call('info', {}),
  list: () => call('list', {}),
  get: (id: string) => call('get', { id }),
  add: (input: ClippingInput) => call('add', input),
  searchSnippets: (input: ApiInput<'searchSnippets'>) => call('searchSnippets', input),
  savedSearches: () => call('savedSearches', {}),
  saveSearches: (searches: ApiInput<'saveSearches'>['searches']) => call('saveSearches', { searches }),
  exportPdf: (input: ApiInput<'exportPdf'>) => call('exportPdf', input),
  openClippingUrl: (id: string, url: string) => call('openClippingUrl', { id, url }),
  listTrash: () => call('list', { trash: true }),
  update: (input: ApiInput<'update'>) => call('update', input),
  trash: (id: string) => call('trash', { id }),
  restore: (id: string) => call('restore', { id }),
  emptyTrash: () => call('emptyTrash', {}),
  vocabulary: () => call('vocabulary', {}),
  similar: (id: string) => call('similar', { id }),
  importFiles: (files: ApiInput<'importFiles'>['files']) => call('importFiles', { files }),
  importBegin: (input: ApiInput<'importBegin'>) => call('importBegin', input),
  importChunk: (input: ApiInput<'importChunk'>) => call('importChunk', input),
  importFinish: (task: string) => call('importFinish', { task }),
  cancelTask: (task: string) => call('cancelTask', { task }),
  exportData: (input: ApiInput<'exportData'>) => call('exportData', input),
  retag: (input: ApiInput<'retag'>) => call('retag', input),
  renameTag: (from: string, to: string) => call('renameTag', { from, to }),
  backupFile: () => call('backupFile', {}),
  restoreFile: (name: string, content: string) => call('restoreFile', { name, content }),
  backups: () => call('backups', {}),
  restoreBackup: (name: string) => call('restoreBackup', { name }),
  takeBackup: () => call('takeBackup', {}),
  openArchiveFolder: () => call('openArchiveFolder', {}),
  scanImage: (id: string, sha256: string) => call('scanImage', { id, sha256 }),
  verify: (task: string) => call('verify', { task }),
  repair: () => call('repair', {}),
};

/**
 * A call's envelope as UTF-8 JSON bytes, for the search worker: this page neither decodes nor
 * parses them. Without the bridge, an error envelope as bytes.
 */
export async function archiveBytes(method: BytesMethod, input: unknown): Promise<Uint8Array> {
  const bridge = window.pressArchive as Window['pressArchive'] | undefined;
  if (!bridge) {
    const missing = { ok: false, error: { code: 'internal', params: { detail: 'window.pressArchive is missing' } } };
    return new TextEncoder().encode(JSON.stringify(missing));
  }
  return bridge.answerBytes(method, input as never);
}

/** Over HTTP, what the search worker needs to fetch the archive's answers itself (else undefined). */
export function workerAccess(): { token: string } | undefined {
  const bridge = window.pressArchive as Window['pressArchive'] | undefined;
  return bridge?.workerAccess?.();
}

/** A fresh name for a long task (its progress events carry it; cancelTask takes it). */
export function newTaskId(): string {
  return crypto.randomUUID();
}

/** Progress events of the long tasks this page started; returns an unsubscribe. */
export function onProgress(listener: (event: Progress) => void): () => void {
  const bridge = window.pressArchive as Window['pressArchive'] | undefined;
  return bridge ? bridge.onProgress(listener) : () => {};
}

/** Menu commands from the desktop app (none on the web); returns an unsubscribe. */
export function onCommand(listener: (command: string) => void): () => void {
  const bridge = window.pressArchive as Window['pressArchive'] | undefined;
  return bridge ? bridge.onCommand(listener) : () => {};
}
