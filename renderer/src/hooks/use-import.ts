// Importing files chosen in the picker or dropped on the window: their text is read here (UTF-8
// only, refused otherwise with the file's name), sent to the archive in one call, and the result
// kept for the summary. `running` is set only for imports that take long enough to notice.
import { useCallback, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES, fileTooLarge, type ImportFile, type ImportReport } from '../../../archive/api.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { ApiError, errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';

const SHOW_PROGRESS_AFTER_MS = 300;

export type ImportOutcome =
  { kind: 'report'; report: ImportReport } | { kind: 'error'; error: ErrorInfo } | { kind: 'notUtf8'; file: string };

export interface ImportState {
  /** The number of files being imported, once the import has taken a moment. */
  running: number | undefined;
  outcome: ImportOutcome | undefined;
  importFiles(files: readonly File[]): Promise<void>;
  clear(): void;
}

class NotUtf8 extends Error {
  constructor(readonly file: string) {
    super(`${file} is not UTF-8`);
  }
}

async function readText(file: File): Promise<ImportFile> {
  // Refused before reading: the archive takes no more in one file, and the text may not even fit in memory.
  if (file.size > MAX_IMPORT_BYTES) throw new ApiError(fileTooLarge(file.name, file.size));
  try {
    // fatal: a byte sequence that is not UTF-8 is refused, never turned into U+FFFD.
    return { name: file.name, content: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()) };
  } catch {
    throw new NotUtf8(file.name);
  }
}

export function useImport(onImported: (report: ImportReport) => void): ImportState {
  const [running, setRunning] = useState<number>();
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const busy = useRef(false);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0 || busy.current) return;
      busy.current = true;
      setOutcome(undefined);
      const timer = setTimeout(() => setRunning(files.length), SHOW_PROGRESS_AFTER_MS);
      try {
        const read = await Promise.all(files.map(readText));
        const report = await archiveClient.importFiles(read);
        setOutcome({ kind: 'report', report });
        onImported(report);
      } catch (e) {
        setOutcome(e instanceof NotUtf8 ? { kind: 'notUtf8', file: e.file } : { kind: 'error', error: errorInfoOf(e) });
      } finally {
        clearTimeout(timer);
        setRunning(undefined);
        busy.current = false;
      }
    },
    [onImported],
  );

  const clear = useCallback(() => setOutcome(undefined), []);
  return { running, outcome, importFiles, clear };
}
