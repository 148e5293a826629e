// The fields of the add form, in the order they are shown, and how typed text becomes API input.
import type { Clipping, ClippingInput, ClippingPatch } from '../../../archive/clipping.ts';
import type { FieldError } from '../../../archive/errors.ts';
import {
  FORM_FIELD_NAMES,
  OPTIONAL_VALUE_FIELDS,
  fieldSpec,
  type FormFieldName,
  type FormLayout,
  type OptionalValueField,
} from '../../../archive/clipping-fields.ts';

/** The fields of the form, in the order shown: the declared fields that have a place on it. */
export const FORM_FIELDS = FORM_FIELD_NAMES;
export type FormField = FormFieldName;
export type FormValues = Record<FormField, string>;

export const EMPTY_FORM: FormValues = Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormValues;

/** Optional one-value fields on the form: sent only when filled in (a new clipping), or as '' to clear. */
const OPTIONAL_TEXT = OPTIONAL_VALUE_FIELDS.filter((f): f is FormField & OptionalValueField =>
  (FORM_FIELDS as readonly string[]).includes(f),
);
const REQUIRED = FORM_FIELDS.filter(isRequired);

export function isRequired(field: FormField): boolean {
  return fieldSpec(field).required === true;
}

/** How the form lays each field out (clipping-fields.ts declares it). */
export function formLayout(field: FormField): FormLayout {
  return fieldSpec(field).form!;
}

export function isFormField(name: string): name is FormField {
  return (FORM_FIELDS as readonly string[]).includes(name);
}

/** Tags typed as "a, b" (a Devanagari-friendly list: commas, also the Arabic comma). */
export function parseTags(text: string): string[] {
  return text
    .split(/[,،]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** API input: empty optional fields are left out; the archive trims and normalizes the rest. */
export function toClippingInput(values: FormValues): ClippingInput {
  const input: ClippingInput = { title: values.title, body: values.body };
  for (const field of OPTIONAL_TEXT) {
    if (values[field].trim() !== '') input[field] = values[field];
  }
  const tags = parseTags(values.tags);
  if (tags.length > 0) input.tags = tags;
  return input;
}

/** The checks worth making before asking the archive: the required fields. */
export function checkRequired(values: FormValues): FieldError[] {
  return REQUIRED.filter((f) => values[f].trim() === '').map((field) => ({ field, code: 'required' }));
}

/** The form filled in with a stored clipping, for editing it. */
export function fromClipping(clipping: Clipping): FormValues {
  const values = { ...EMPTY_FORM, title: clipping.title, body: clipping.body, tags: clipping.tags.join(', ') };
  for (const field of OPTIONAL_TEXT) values[field] = clipping[field] ?? '';
  return values;
}

/** An edit sends every field: an emptied optional field is sent as '' and so cleared. */
export function toClippingPatch(values: FormValues): ClippingPatch {
  const patch: ClippingPatch = { title: values.title, body: values.body, tags: parseTags(values.tags) };
  for (const field of OPTIONAL_TEXT) patch[field] = values[field];
  return patch;
}

/** The fields of a stored clipping as an edit that puts them back (for undo). */
export function patchOf(clipping: Clipping): ClippingPatch {
  return toClippingPatch(fromClipping(clipping));
}

/**
 * Autocomplete for the tags field, where a datalist can only offer whole values: each known tag
 * not yet typed, after the tags typed so far.
 */
export function tagSuggestions(typed: string, known: readonly string[]): string[] {
  const cut = Math.max(typed.lastIndexOf(','), typed.lastIndexOf('،'));
  const before = cut < 0 ? '' : typed.slice(0, cut + 1).trimEnd() + ' ';
  const present = new Set(parseTags(typed.slice(0, cut + 1)));
  return known.filter((tag) => !present.has(tag)).map((tag) => before + tag);
}
