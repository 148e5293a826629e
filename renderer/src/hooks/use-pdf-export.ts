// Asks the archive for a PDF (the open clipping, the search results or all) and saves it; tracks
// that one is being made, and how far the archive has got printing it (clippings printed of all),
// so the button can say so; it can be cancelled. Keeps the error to show (not for a cancel).
import { useCallback, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../archive/errors.ts';
import type { ExportPdfInput } from '../../../archive/pdf/export-request.ts';
import { MAX_PDF_ENTRIES } from '../../../archive/pdf/limits.ts';
import { archiveClient } from '../api/client.ts';
import { ApiError, errorInfoOf } from '../api/api-error.ts';
import { base64ToBytes, saveDownload } from '../export/save-download.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { useTaskProgress, type TaskProgress } from './use-task-progress.ts';

type Chosen = Pick<ExportPdfInput, 'ids' | 'query' | 'all'>;

/** What to print: as the archive takes it, or how to find it when the button is pressed. */
export type PdfSelection = Chosen | (() => Promise<Chosen>);

export interface PdfExport {
  busy: boolean;
  error: ErrorInfo | undefined;
  progress: TaskProgress['progress'];
  /** `scans`: each clipping's scan images in front of its text (else the text alone). */
  run(selection: PdfSelection, options?: { scans?: boolean }): Promise<void>;
  cancel(): void;
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
  const tracked = useTaskProgress();
  const { start, end } = tracked;

  const run = useCallback(
    async (selection: PdfSelection, options: { scans?: boolean } = {}) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(undefined);
      try {
        const chosen = typeof selection === 'function' ? await selection() : selection;
        const pdf = await archiveClient.exportPdf({
          ...chosen,
          options: { language, scans: options.scans === true },
          task: start(),
        });
        saveDownload(pdf.fileName, base64ToBytes(pdf.pdfBase64), 'application/pdf');
      } catch (failure) {
        const info = errorInfoOf(failure);
        if (info.code !== 'cancelled') setError(info);
      } finally {
        end();
        running.current = false;
        setBusy(false);
      }
    },
    [language, start, end],
  );

  return { busy, error, progress: tracked.progress, run, cancel: tracked.cancel };
}
