// Asks the archive for a PDF (the open clipping, the search results or all) and saves it; tracks
// that one is being made so the button can say so, and keeps the error to show.
import { useCallback, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../archive/errors.ts';
import type { ExportPdfInput } from '../../../archive/pdf/export-request.ts';
import { MAX_PDF_ENTRIES } from '../../../archive/pdf/options.ts';
import { archiveClient } from '../api/client.ts';
import { ApiError, errorInfoOf } from '../api/api-error.ts';
import { base64ToBytes, saveDownload } from '../export/save-download.ts';
import { useLanguage } from '../i18n/use-language.ts';

type Chosen = Pick<ExportPdfInput, 'ids' | 'query' | 'all'>;

/** What to print: as the archive takes it, or how to find it when the button is pressed. */
export type PdfSelection = Chosen | (() => Promise<Chosen>);

export interface PdfExport {
  busy: boolean;
  error: ErrorInfo | undefined;
  run(selection: PdfSelection): Promise<void>;
}

/**
 * A search's results as the list ranks them (their ids), the query named on the cover. Too many
 * for one PDF, or none, is said here: the archive would refuse so many ids as a malformed request.
 */
export function searchResultsSelection(query: string, ids: string[]): Chosen {
  if (ids.length === 0) throw new ApiError({ code: 'nothingToExport' });
  if (ids.length > MAX_PDF_ENTRIES) {
    throw new ApiError({ code: 'tooManyToExport', params: { max: MAX_PDF_ENTRIES, count: ids.length } });
  }
  return { ids, query };
}

export function usePdfExport(): PdfExport {
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const running = useRef(false);

  const run = useCallback(
    async (selection: PdfSelection) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(undefined);
      try {
        const chosen = typeof selection === 'function' ? await selection() : selection;
        const pdf = await archiveClient.exportPdf({ ...chosen, options: { language } });
        saveDownload(pdf.fileName, base64ToBytes(pdf.pdfBase64), 'application/pdf');
      } catch (failure) {
        setError(errorInfoOf(failure));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [language],
  );

  return { busy, error, run };
}
