// "Import files": a file picker, and files dropped anywhere on the window (an overlay says so
// while dragging). While an import runs, its progress as the archive reports it (files read, records
// read, clippings added, each out of the total) and a Cancel button; then a summary of what happened.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../../archive/messages.ts';
import type { ImportState } from '../hooks/use-import.ts';
import { ProgressLine } from './ProgressLine.tsx';
import type { IndexProgress } from '../search/search-client.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Text files, and scans (read by OCR in the archive). */
export const IMPORT_ACCEPT = '.txt,.md,.html,.htm,.json,.ndjson,.jpg,.jpeg,.png,.webp,.tif,.tiff,.pdf';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** The button and the hidden picker behind it. */
export function ImportButton({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        data-testid="import-files"
        disabled={state.running !== undefined}
        onClick={() => input.current?.click()}
      >
        {t('import.open')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // the same file can be chosen again
          void state.importFiles(files);
        }}
      />
    </>
  );
}

/** Drop target over the whole window, the progress bar and the summary. */
export function ImportStatus({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const { importFiles } = state;

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current += 1;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault(); // allows the drop (and keeps the page from opening the file)
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      void importFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  const { outcome } = state;
  return (
    <>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <p>{t('import.dropHere')}</p>
        </div>
      )}
      {state.running !== undefined && (
        <div className="import-progress" data-testid="import-progress" role="status">
          <ProgressLine
            progress={state.running.progress}
            waiting={t('import.progress', { count: state.running.files })}
          />
          <button type="button" data-testid="import-cancel" onClick={state.cancel}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {outcome && (
        <section className="import-summary" data-testid="import-summary" role="status" aria-live="polite">
          <div className="import-summary-header">
            <h2>{t('import.summary')}</h2>
            <button type="button" className="toast-close" aria-label={t('notice.dismiss')} onClick={state.clear}>
              ×
            </button>
          </div>
          {outcome.kind === 'error' && <ErrorMessage error={outcome.error} />}
          {outcome.kind === 'cancelled' && <p data-testid="import-cancelled">{t('import.cancelled')}</p>}
          {outcome.kind === 'report' && (
            <>
              <ul className="import-counts">
                <li data-testid="import-added">{t('import.added', { count: outcome.report.added })}</li>
                <li data-testid="import-skipped">{t('import.skipped', { count: outcome.report.skipped })}</li>
                {outcome.report.errors.length > 0 && (
                  <li>{t('import.problems', { count: outcome.report.errors.length })}</li>
                )}
              </ul>
              {outcome.report.errors.length > 0 && (
                // Scrolls when long: focusable so the keyboard can scroll it too.
                <ul className="import-errors" data-testid="import-errors" tabIndex={0}>
                  {outcome.report.errors.map((problem, i) => (
                    <li key={i}>
                      <span className="import-where">
                        {problem.line !== undefined
                          ? t('import.at', { file: problem.file, line: problem.line })
                          : problem.record !== undefined
                            ? t('import.atRecord', { file: problem.file, record: problem.record })
                            : problem.file}
                      </span>
                      : {formatError(problem.error, language)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}

/** The search index being filled (first start, or after a large import): how far it has got. */
export function IndexStatus({ progress }: { progress: IndexProgress | undefined }) {
  if (!progress) return null;
  return (
    <div className="import-progress" data-testid="index-progress">
      <ProgressLine progress={{ task: 'index', kind: 'index', step: 'indexed', ...progress }} waiting="" />
    </div>
  );
}
