// The one place a call from any transport enters the service: argument validation, the call,
// result validation, and errors turned into envelopes. Both transports use it.
import { api, type ApiHandlers, type Envelope } from '../api.ts';
import { isApiMethod } from '../api-methods.ts';
import { toErrorInfo, validationError } from '../errors.ts';

export type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: ApiHandlers): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'badRequest', params: { detail: `unknown method ${method.slice(0, 50)}` } } };
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).info };
    try {
      const handler = handlers[method] as (this: ApiHandlers, input: unknown) => Promise<unknown>;
      const result = spec.output.safeParse(await handler.call(handlers, parsed.data));
      if (!result.success) {
        // Our own bug, not the caller's input: never pass a malformed answer on.
        return { ok: false, error: { code: 'internal', params: { detail: `invalid result of ${method}` } } };
      }
      return { ok: true, value: result.data };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
