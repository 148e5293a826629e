// The typed client over `window.pressArchive`: unwraps envelopes, throws ApiError on refusal.
import type { ApiInput, ApiOutput, Envelope } from '../../../archive/api.ts';
import type { ApiMethod } from '../../../archive/api-methods.ts';
import type { ClippingInput } from '../../../archive/clipping.ts';
import { ApiError } from './api-error.ts';

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
  searchCorpus: () => call('searchCorpus', {}),
};

/** Menu commands from the desktop app (none on the web); returns an unsubscribe. */
export function onCommand(listener: (command: string) => void): () => void {
  const bridge = window.pressArchive as Window['pressArchive'] | undefined;
  return bridge ? bridge.onCommand(listener) : () => {};
}
