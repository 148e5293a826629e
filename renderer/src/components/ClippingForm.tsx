// The "add clipping" dialog. Empty title or text is caught here; everything else the archive
// checks, and its field errors are shown next to their fields and summed up above the buttons.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { fieldErrorMessage } from '../../../archive/messages.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import {
  EMPTY_FORM,
  FORM_FIELDS,
  checkRequired,
  isFormField,
  toClippingInput,
  type FormField,
  type FormValues,
} from '../form/clipping-fields.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  onSaved(clipping: Clipping): void;
  onCancel(): void;
}

const SUMMARY_ID = 'clipping-form-error';

export function ClippingForm({ onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(EMPTY_FORM);
  const [error, setError] = useState<ErrorInfo>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The dialog would focus its scrolling area first; the title is where typing starts.
    const title = formRef.current?.elements.namedItem('title');
    if (title instanceof HTMLElement) title.focus();
    return () => dialog.close();
  }, []);

  const fieldErrors = new Map<FormField, string>();
  if (error?.code === 'validation') {
    for (const f of error.fields ?? []) {
      if (isFormField(f.field) && !fieldErrors.has(f.field))
        fieldErrors.set(f.field, fieldErrorMessage(language, f.field, f.code));
    }
  }

  const focusFirstInvalid = (info: ErrorInfo) => {
    const first = FORM_FIELDS.find((f) => info.fields?.some((e) => e.field === f));
    const target = first ? formRef.current?.elements.namedItem(first) : null;
    if (target instanceof HTMLElement) target.focus();
  };

  const onChange = (field: FormField, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const missing = checkRequired(values);
    if (missing.length > 0) {
      const info: ErrorInfo = { code: 'validation', fields: missing };
      setError(info);
      focusFirstInvalid(info);
      return;
    }
    setSaving(true);
    try {
      const clipping = await archiveClient.add(toClippingInput(values));
      onSaved(clipping);
    } catch (e) {
      const info = errorInfoOf(e);
      setError(info);
      setSaving(false);
      if (info.code === 'validation') focusFirstInvalid(info);
    }
  };

  const field = (name: FormField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField field={name} value={values[name]} error={fieldErrors.get(name)} onChange={onChange} {...extra} />
  );

  return (
    <dialog
      ref={dialogRef}
      className="form-dialog"
      aria-labelledby="clipping-form-heading"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        ref={formRef}
        className="clipping-form"
        data-testid="clipping-form"
        noValidate
        aria-describedby={error ? SUMMARY_ID : undefined}
        onSubmit={(e) => void onSubmit(e)}
      >
        <h2 id="clipping-form-heading">{t('form.heading')}</h2>
        <div className="form-scroll">
          <div className="form-grid">
            {field('title', { required: true, wide: true })}
            {field('body', { required: true, wide: true, multiline: 'long' })}
            {field('publication')}
            {field('date', { placeholder: t('form.datePlaceholder') })}
            {field('author')}
            {field('section')}
            {field('edition')}
            {field('place')}
            {field('page')}
            {field('url', { inputMode: 'url', placeholder: 'https://' })}
            {field('tags', { wide: true, hint: t('form.tagsHint') })}
            {field('notes', { wide: true, multiline: 'short' })}
          </div>
        </div>
        <div className="form-footer">
          {error && <ErrorMessage error={error} id={SUMMARY_ID} />}
          <div className="form-actions">
            <button type="button" onClick={onCancel}>
              {t('action.cancel')}
            </button>
            <button type="submit" className="primary" data-testid="save-clipping" disabled={saving}>
              {saving ? t('action.saving') : t('action.save')}
            </button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
