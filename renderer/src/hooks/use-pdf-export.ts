// Asks the archive for a PDF (the open clipping, the search results or all) and saves it; tracks
// that one is being made so the button can say so, and keeps the error to show.
import { useCallback, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../archive/errors.ts';
import type { ExportPdfInput } from '../../../archive/pdf/export-request.ts';
import { archiveClient } from '../api/client.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { base64ToBytes, saveDownload } from '../export/save-download.ts';
import { useLanguage } from '../i18n/use-language.ts';

export type PdfSelection = Pick<ExportPdfInput, 'ids' | 'query' | 'all'>;

export interface PdfExport {
  busy: boolean;
  error: ErrorInfo | undefined;
  run(selection: PdfSelection): Promise<void>;
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
        const pdf = await archiveClient.exportPdf({ ...selection, options: { language } });
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
