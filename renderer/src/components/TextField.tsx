// One labelled field of the clipping form, with its error (if any) tied to it for assistive tech.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../form/clipping-fields.ts';

interface Props {
  field: FormField;
  value: string;
  error: string | undefined;
  onChange(field: FormField, value: string): void;
  multiline?: 'long' | 'short';
  required?: boolean;
  placeholder?: string;
  hint?: string;
  inputMode?: 'text' | 'url' | 'numeric';
  wide?: boolean;
  /** The id of a <datalist> offering values (autocomplete). */
  list?: string;
  inputRef?: Ref<HTMLInputElement | HTMLTextAreaElement>;
}

export function TextField({
  field,
  value,
  error,
  onChange,
  multiline,
  required,
  placeholder,
  hint,
  inputMode,
  wide,
  list,
  inputRef,
}: Props) {
  const { t } = useTranslation();
  const id = `clipping-${field}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field,
    value,
    placeholder,
    'data-testid': id,
    'aria-invalid': error !== undefined,
    'aria-describedby': describedBy,
    'aria-required': required,
  } as const;
  return (
    <div className={`form-field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {t(`field.${field}`)}
        {required && <span className="required-mark"> ({t('form.required')})</span>}
      </label>
      {multiline ? (
        <textarea
          {...common}
          ref={inputRef as Ref<HTMLTextAreaElement>}
          rows={multiline === 'long' ? 8 : 3}
          onChange={(e) => onChange(field, e.target.value)}
        />
      ) : (
        <input
          {...common}
          ref={inputRef as Ref<HTMLInputElement>}
          type="text"
          inputMode={inputMode}
          list={list}
          autoComplete="off"
          onChange={(e) => onChange(field, e.target.value)}
        />
      )}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
