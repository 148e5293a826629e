// The open clipping: title, details, the text paragraph by paragraph, notes; query matches marked.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping } from '../../../archive/clipping.ts';
import type { Highlighter } from '../../../archive/search/highlight.ts';
import { ExportPdfButton } from './ExportPdfButton.tsx';
import { Highlighted } from './Highlighted.tsx';
import { highlightText } from './highlight-text.ts';
import { ReaderMeta } from './ReaderMeta.tsx';
import { ScanView } from './ScanView.tsx';

interface Props {
  id: string | undefined;
  clipping: Clipping | undefined;
  highlighter: Highlighter;
  /** More buttons for the toolbar (edit, trash). */
  actions?: ReactNode;
  /** Shown under the details (near duplicates). */
  notice?: ReactNode;
  /** Shown while no clipping is open (the first-run guide). */
  empty?: ReactNode;
}

function paragraphs(text: string): string[] {
  return text.split('\n').filter((p) => p.trim() !== '');
}

export function Reader({ id, clipping, highlighter, actions, notice, empty }: Props) {
  const { t } = useTranslation();
  if (id === undefined) {
    return (
      <section className="reader reader-empty" aria-label={t('reader.label')} tabIndex={-1} data-pane-focus>
        {empty ?? <p>{t('reader.empty')}</p>}
      </section>
    );
  }
  if (clipping === undefined || clipping.id !== id) {
    return (
      <section
        className="reader reader-empty"
        aria-label={t('reader.label')}
        aria-busy="true"
        tabIndex={-1}
        data-pane-focus
      >
        <p>{t('reader.loading')}</p>
      </section>
    );
  }
  return (
    <article
      className="reader"
      data-testid="reader"
      data-id={clipping.id}
      aria-label={t('reader.label')}
      tabIndex={-1}
      data-pane-focus
    >
      <div className="reader-actions">
        <ExportPdfButton
          key={clipping.id}
          selection={{ ids: [clipping.id] }}
          label={t('pdf.export')}
          description={t('pdf.exportClipping')}
          testId="export-pdf"
          offerScans={clipping.scans !== undefined}
        />
        {actions}
      </div>
      <h2 className="reader-title" lang={clipping.language}>
        <Highlighted segments={highlightText(clipping.title, highlighter, 'title')} />
      </h2>
      <ReaderMeta clipping={clipping} />
      {notice}
      {/* A scanned clipping: the scan beside its text (below it in a narrow window). */}
      <div className={clipping.scans ? 'reader-with-scan' : undefined}>
        <div className="reader-body" data-testid="reader-body" lang={clipping.language}>
          {paragraphs(clipping.body).map((paragraph, i) => (
            <p key={i}>
              <Highlighted segments={highlightText(paragraph, highlighter)} />
            </p>
          ))}
        </div>
        {clipping.scans && <ScanView key={clipping.id} clipping={clipping} />}
      </div>
      {clipping.notes !== undefined && clipping.notes.trim() !== '' && (
        <aside className="reader-notes">
          <h3>{t('reader.notes')}</h3>
          {paragraphs(clipping.notes).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </aside>
      )}
    </article>
  );
}
