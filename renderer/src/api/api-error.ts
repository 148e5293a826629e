// An API call that the archive refused or that could not reach it; carries the ErrorInfo so the
// UI can say it in the user's language (formatError) and mark invalid fields.
import type { ErrorInfo } from '../../../archive/errors.ts';

export class ApiError extends Error {
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo) {
    super(info.code);
    this.name = 'ApiError';
    this.info = info;
  }
}

/** Anything thrown, as ErrorInfo. */
export function errorInfoOf(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return error.info;
  return { code: 'internal', params: { detail: error instanceof Error ? error.message : String(error) } };
}
