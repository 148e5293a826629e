// A button that makes a PDF of some clippings and saves it; while the archive prints it says so
// (the PDF of hundreds of clippings takes a few seconds) with how many clippings are printed of all
// and a Cancel button, and an error appears under it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePdfExport, type PdfSelection } from '../hooks/use-pdf-export.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ProgressLine } from './ProgressLine.tsx';
import '../styles/pdf-export.css';

interface Props {
  selection: PdfSelection;
  label: string;
  /** The longer description for screen readers and the tooltip. */
  description: string;
  testId: string;
  disabled?: boolean;
  /** Offer to put the scan images in front of the text (what is exported has scans). */
  offerScans?: boolean;
}

export function ExportPdfButton({
  selection,
  label,
  description,
  testId,
  disabled = false,
  offerScans = false,
}: Props) {
  const { t } = useTranslation();
  const pdf = usePdfExport();
  const [scans, setScans] = useState(false);
  const scansId = useId();
  return (
    <div className="pdf-export">
      <button
        type="button"
        className="pdf-export-button"
        data-testid={testId}
        // The name is the visible label; the longer description is the tooltip and the description.
        title={description}
        aria-busy={pdf.busy}
        // Not `disabled` while printing: a disabled button drops the keyboard focus to the page.
        aria-disabled={pdf.busy || undefined}
        disabled={disabled}
        onClick={() => {
          if (!pdf.busy) void pdf.run(selection, { scans: offerScans && scans });
        }}
      >
        {pdf.busy && <span className="pdf-export-spinner" aria-hidden="true" />}
        {pdf.busy ? t('pdf.preparing') : label}
      </button>
      {offerScans && (
        <label className="pdf-export-scans" htmlFor={scansId}>
          <input
            id={scansId}
            type="checkbox"
            data-testid={`${testId}-scans`}
            checked={scans}
            onChange={(event) => setScans(event.target.checked)}
          />
          {t('pdf.withScans')}
        </label>
      )}
      {pdf.busy && pdf.progress && (
        <div className="pdf-export-progress" data-testid={`${testId}-progress`}>
          <ProgressLine progress={pdf.progress} waiting="" />
          <button type="button" data-testid={`${testId}-cancel`} onClick={pdf.cancel}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {pdf.error && <ErrorMessage error={pdf.error} />}
    </div>
  );
}
