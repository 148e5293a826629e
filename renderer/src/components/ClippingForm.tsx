// The "add clipping" dialog, also used to edit one (then prefilled, and saved as an update that
// sends every field). Empty title or text is caught here; everything else the archive checks, and
// its field errors are shown next to their fields and summed up above the buttons.
// Ctrl/Cmd+S or Ctrl/Cmd+Enter saves, Escape closes; publication and tags offer what the archive uses.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping } from '../../../archive/clipping.ts';
import type { UsedValues } from '../../../archive/api.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { fieldErrorMessage } from '../../../archive/messages.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import {
  EMPTY_FORM,
  FORM_FIELDS,
  checkRequired,
  formLayout,
  fromClipping,
  isFormField,
  isRequired,
  tagSuggestions,
  toClippingInput,
  toClippingPatch,
  type FormField,
  type FormValues,
} from '../form/clipping-fields.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ModalDialog } from './ModalDialog.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  /** The clipping to edit; without it the form adds a new one. */
  editing?: Clipping;
  /** `previous`: the clipping as it was before an edit (for undo). */
  onSaved(clipping: Clipping, previous?: Clipping): void;
  onCancel(): void;
}

const SUMMARY_ID = 'clipping-form-error';

export function ClippingForm({ editing, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(() => (editing ? fromClipping(editing) : EMPTY_FORM));
  const [vocabulary, setVocabulary] = useState<UsedValues>({ publications: [], tags: [] });

  useEffect(() => {
    let live = true;
    // Autocomplete is a help, not a need: without it the form works the same.
    archiveClient.vocabulary().then(
      (v) => live && setVocabulary(v),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const [error, setError] = useState<ErrorInfo>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // The dialog would focus its scrolling area first; the title is where typing starts.
    const title = formRef.current?.elements.namedItem('title');
    if (title instanceof HTMLElement) title.focus();
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
      const clipping = editing
        ? await archiveClient.update({ id: editing.id, ...toClippingPatch(values) })
        : await archiveClient.add(toClippingInput(values));
      onSaved(clipping, editing);
    } catch (e) {
      const info = errorInfoOf(e);
      setError(info);
      setSaving(false);
      if (info.code === 'validation') focusFirstInvalid(info);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const command = event.ctrlKey || event.metaKey;
    if (command && !event.altKey && (event.key.toLowerCase() === 's' || event.key === 'Enter')) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  // Layout and required come from the declared fields; a few fields add their own help here.
  const extras: Partial<Record<FormField, Partial<Parameters<typeof TextField>[0]>>> = {
    publication: { list: 'publication-options' },
    date: { placeholder: t('form.datePlaceholder') },
    url: { inputMode: 'url', placeholder: 'https://' },
    tags: { hint: t('form.tagsHint'), list: 'tag-options' },
  };
  const field = (name: FormField) => {
    const layout = formLayout(name);
    return (
      <TextField
        key={name}
        field={name}
        value={values[name]}
        error={fieldErrors.get(name)}
        onChange={onChange}
        required={isRequired(name) || undefined}
        wide={layout !== 'half'}
        multiline={layout === 'long' || layout === 'short' ? layout : undefined}
        {...extras[name]}
      />
    );
  };

  return (
    <ModalDialog className="form-dialog" labelledBy="clipping-form-heading" onClose={onCancel}>
      <form
        ref={formRef}
        className="clipping-form"
        data-testid="clipping-form"
        noValidate
        aria-describedby={error ? SUMMARY_ID : undefined}
        onSubmit={(e) => void onSubmit(e)}
        onKeyDown={onKeyDown}
      >
        <h2 id="clipping-form-heading">{editing ? t('edit.heading') : t('form.heading')}</h2>
        <div className="form-scroll">
          <div className="form-grid">{FORM_FIELDS.map(field)}</div>
          <datalist id="publication-options">
            {vocabulary.publications.map((p) => (
              <option key={p.value} value={p.value} />
            ))}
          </datalist>
          <datalist id="tag-options">
            {tagSuggestions(
              values.tags,
              vocabulary.tags.map((tag) => tag.value),
            ).map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
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
    </ModalDialog>
  );
}
