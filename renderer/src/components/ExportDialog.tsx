// "Export…": which clippings (the selected ones, the search results, or everything) in which
// format; the archive makes the file and the page hands it over as a download.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../../archive/exports/formats.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { saveDownload } from '../export/save-download.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ModalDialog } from './ModalDialog.tsx';

type Scope = 'selected' | 'results' | 'all';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON',
  ndjson: 'NDJSON',
  csv: 'CSV',
  'csl-json': 'CSL-JSON',
};

/** The search on screen: how many results it has, and all their ids when asked (ranked). */
export interface SearchResults {
  total: number | undefined;
  allIds(): Promise<string[]>;
}

interface Props {
  selectedIds: readonly string[];
  /** When a search is on: its results, every one of them, not only the pages the list has loaded. */
  results: SearchResults | undefined;
  onClose(): void;
}

export function ExportDialog({ selectedIds, results, onClose }: Props) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>(selectedIds.length > 0 ? 'selected' : results?.total ? 'results' : 'all');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [error, setError] = useState<ErrorInfo>();
  const [working, setWorking] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    try {
      // The results asked for now, so the file holds them all in the list's order.
      const ids =
        scope === 'selected' ? [...selectedIds] : scope === 'results' && results ? await results.allIds() : undefined;
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
      label: t('export.scopeSelected', { count: selectedIds.length }),
      disabled: selectedIds.length === 0,
    },
    {
      value: 'results',
      label: t('export.scopeResults', { count: results?.total ?? 0 }),
      disabled: !results?.total,
    },
    { value: 'all', label: t('export.scopeAll'), disabled: false },
  ];

  return (
    <ModalDialog className="export-dialog" testId="export-dialog" labelledBy="export-heading" onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <h2 id="export-heading">{t('export.heading')}</h2>
        <fieldset>
          <legend>{t('export.scope')}</legend>
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
          <legend>{t('export.format')}</legend>
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
          <button type="submit" className="primary" data-testid="export-data-confirm" disabled={working}>
            {t('export.do')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
