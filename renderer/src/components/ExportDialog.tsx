// "Export…": which clippings (the selected ones, the search results, or everything) in which
// format; the archive makes the file and the page hands it over as a download.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../../archive/exports/formats.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { saveDownload } from '../export/save-download.ts';
import { BackupFileControls } from './BackupFileControls.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

type Scope = 'selected' | 'results' | 'all';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON',
  ndjson: 'NDJSON',
  csv: 'CSV',
  'csl-json': 'CSL-JSON',
};

interface Props {
  selectedIds: readonly string[];
  /** The search results, when a search is on (all of them, once loaded). */
  resultIds: readonly string[] | undefined;
  /** How many results the search has; the results scope waits until all are loaded. */
  resultTotal: number | undefined;
  onClose(): void;
  /** After a backup file replaced the archive. */
  onRestored(): void;
}

export function ExportDialog({ selectedIds, resultIds, resultTotal, onClose, onRestored }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [scope, setScope] = useState<Scope>(selectedIds.length > 0 ? 'selected' : resultIds ? 'results' : 'all');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [error, setError] = useState<ErrorInfo>();
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const resultsLoading = resultIds !== undefined && resultTotal !== undefined && resultIds.length < resultTotal;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    try {
      const ids = scope === 'selected' ? [...selectedIds] : scope === 'results' ? [...(resultIds ?? [])] : undefined;
      const file = await archiveClient.exportData({ format, ...(ids ? { ids } : {}) });
      // The BOM (CSV) is a character of the content: encoding it as UTF-8 writes EF BB BF.
      saveDownload(file.fileName, new TextEncoder().encode(file.content), file.mimeType);
      onClose();
    } catch (e) {
      setError(errorInfoOf(e));
      setWorking(false);
    }
  };

  const scopes: { value: Scope; label: string; disabled: boolean }[] = [
    {
      value: 'selected',
      label: t('intake.scopeSelected', { count: selectedIds.length }),
      disabled: selectedIds.length === 0,
    },
    {
      value: 'results',
      label: t('intake.scopeResults', { count: resultTotal ?? resultIds?.length ?? 0 }),
      disabled: !resultIds || resultIds.length === 0,
    },
    { value: 'all', label: t('intake.scopeAll'), disabled: false },
  ];

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      data-testid="export-dialog"
      aria-labelledby="export-heading"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(e) => void onSubmit(e)}>
        <h2 id="export-heading">{t('intake.exportHeading')}</h2>
        <fieldset>
          <legend>{t('intake.scope')}</legend>
          {scopes.map((s) => (
            <label key={s.value} className={s.disabled ? 'disabled' : undefined}>
              <input
                type="radio"
                name="scope"
                value={s.value}
                data-testid={`export-scope-${s.value}`}
                checked={scope === s.value}
                disabled={s.disabled}
                onChange={() => setScope(s.value)}
              />{' '}
              {s.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('intake.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="format"
                value={f}
                data-testid={`export-format-${f}`}
                checked={format === f}
                onChange={() => setFormat(f)}
              />{' '}
              {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        {error && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="export-data-confirm"
            disabled={working || (scope === 'results' && resultsLoading)}
          >
            {t('intake.exportDo')}
          </button>
        </div>
      </form>
      <BackupFileControls onRestored={onRestored} />
    </dialog>
  );
}
