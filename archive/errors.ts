// One error type for everything the archive refuses. It carries a code and parameters, not prose,
// so the CLI and the UI can say it in the user's language (messages.ts).
import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  'validation',
  'notFound',
  'damaged',
  'newerFormat',
  'io',
  'locked',
  'unsupportedFile',
  'unreadableFile',
  'notAFile',
  'fileTooLarge',
  'badRecord',
  'badRequest',
  'noSuchBackup',
  'badBackupRecord',
  'changedElsewhere',
  'noSpace',
  'bodyTooLarge',
  'tooDeep',
  'linkRefused',
  'nothingToExport',
  'tooManyToExport',
  'printerMissing',
  'printFailed',
  'notUtf8',
  'cancelled',
  'noTextInScan',
  'notAnImage',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldErrorSchema = z.object({ field: z.string(), code: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ErrorInfoSchema = z.object({
  code: ErrorCodeSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  fields: z.array(FieldErrorSchema).optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export class ArchiveError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo, options?: { cause?: unknown }) {
    super(`${info.code}${info.params ? ' ' + JSON.stringify(info.params) : ''}`, options);
    this.name = 'ArchiveError';
    this.info = info;
  }
}

/** Turns zod's issues into field errors whose codes are our message keys. */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ field: shortKey(key), code: 'unknownField' });
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'input';
    // A missing field says 'required' (its schema's message); any other type mismatch is 'type'.
    const code = issue.code === 'invalid_type' && issue.message !== 'required' ? 'type' : issue.message;
    if (!fields.some((f) => f.field === field)) fields.push({ field, code });
  }
  return fields;
}

/** A field name as sent can be anything (megabytes, escape sequences): it is named, cut short. */
export const KEY_SHOWN_MAX = 100;
function shortKey(key: string): string {
  const chars = [...key];
  return chars.length > KEY_SHOWN_MAX ? chars.slice(0, KEY_SHOWN_MAX).join('') + '…' : key;
}

export function validationError(error: z.ZodError): ArchiveError {
  return new ArchiveError({ code: 'validation', fields: fieldErrorsFromZod(error) });
}

/** Anything thrown, as ErrorInfo; unknown failures become 'internal' without leaking details. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ArchiveError) return error.info;
  if (error instanceof z.ZodError) return validationError(error).info;
  return { code: 'internal', params: { detail: error instanceof Error ? error.message : String(error) } };
}
