// Tags as every path that writes them checks them: the form, retag and renameTag alike.
import { ClippingPatchSchema } from './clipping.ts';
import { validationError } from './errors.ts';

/** Tags checked and normalized as the clipping form's are (NFC, trimmed, no empties, no repeats). */
export function parseTags(tags: string[]): string[] {
  const parsed = ClippingPatchSchema.safeParse({ tags });
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data.tags ?? [];
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
