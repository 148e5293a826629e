// Importing files chosen in the picker or dropped on the window. The page never reads them: each
// file goes to the archive as slices of the File itself (importChunk), the archive decodes them
// (a file it cannot import — its kind, its size, not UTF-8 — is named in the report and the others
// are imported, as the CLI does), imports everything in one write (importFinish) and
// reports how far it has got as progress events, which this hook keeps for the progress bar.
// `running` is set the moment an import starts; cancel() stops it and nothing is added.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReport, Progress } from '../../../archive/api.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient, newTaskId, onCommand, onProgress } from '../api/client.ts';

export type ImportOutcome =
  { kind: 'report'; report: ImportReport } | { kind: 'error'; error: ErrorInfo } | { kind: 'cancelled' };

export interface RunningImport {
  task: string;
  files: number;
  /** The archive's latest report; undefined until the first one comes. */
  progress: Progress | undefined;
}

export interface ImportState {
  running: RunningImport | undefined;
  outcome: ImportOutcome | undefined;
  importFiles(files: readonly File[]): Promise<void>;
  cancel(): void;
  clear(): void;
}

function outcomeOf(error: ErrorInfo): ImportOutcome {
  if (error.code === 'cancelled') return { kind: 'cancelled' };
  return { kind: 'error', error };
}

/**
 * Sends the files as slices of at most `chunkBytes`, in order; stops early once cancelled.
 * `begun`: the archive knows the import now.
 */
async function sendFiles(
  task: string,
  files: readonly File[],
  cancelled: () => boolean,
  begun: (task: string) => void,
): Promise<void> {
  const { chunkBytes, refused } = await archiveClient.importBegin({
    task,
    files: files.map((f) => ({ name: f.name, size: f.size })),
  });
  begun(task);
  for (const [index, file] of files.entries()) {
    if (refused.includes(index)) continue; // named in the report; the others are imported
    for (let start = 0; start < file.size; start += chunkBytes) {
      if (cancelled()) return;
      await archiveClient.importChunk({ task, file: index, bytes: file.slice(start, start + chunkBytes) });
    }
  }
}

const nothingToDo = () => {};

/**
 * `onImported`: after an import added clippings; `onBegun`: when an import (this page's own or the
 * desktop menu's) has begun in the archive.
 */
export function useImport(
  onImported: (report: ImportReport) => void,
  onBegun: (task: string) => void = nothingToDo,
): ImportState {
  const [running, setRunning] = useState<RunningImport>();
  const [outcome, setOutcome] = useState<ImportOutcome>();
  /** `foreign`: an import the desktop menu started (main sends its files); it ends with archive-changed. */
  const current = useRef<{ task: string; cancelled: boolean; foreign?: boolean }>(undefined);
  /** This page's own imports, so a late report of one is never taken for the menu's. */
  const own = useRef(new Set<string>());

  // The latest report is drawn once per frame however fast reports come: each is a render of the window.
  useEffect(() => {
    let latest: Progress | undefined;
    let frame: number | undefined;
    const draw = () => {
      frame = undefined;
      const event = latest;
      if (event) setRunning((run) => (run && run.task === event.task ? { ...run, progress: event } : run));
    };
    const unsubscribe = onProgress((event) => {
      if (event.kind !== 'import') return;
      if (!current.current && !own.current.has(event.task)) {
        // File → Import… in the desktop app: shown like this page's own imports, Cancel included.
        current.current = { task: event.task, cancelled: false, foreign: true };
        onBegun(event.task);
        setOutcome(undefined);
        setRunning({ task: event.task, files: 0, progress: event });
      }
      if (event.task !== current.current?.task) return;
      latest = event;
      frame ??= requestAnimationFrame(draw);
    });
    const unsubscribeCommands = onCommand((command) => {
      if (command !== 'archive-changed' || !current.current?.foreign) return;
      current.current = undefined; // main says how it went, in its own message box
      setRunning(undefined);
    });
    return () => {
      unsubscribe();
      unsubscribeCommands();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [onBegun]);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0 || current.current) return;
      const task = newTaskId();
      own.current.add(task);
      const run = { task, cancelled: false };
      current.current = run;
      setOutcome(undefined);
      setRunning({ task, files: files.length, progress: undefined });
      try {
        await sendFiles(task, files, () => run.cancelled, onBegun);
        if (run.cancelled) throw new Error('cancelled');
        const report = await archiveClient.importFinish(task);
        setOutcome({ kind: 'report', report });
        onImported(report);
      } catch (e) {
        setOutcome(run.cancelled ? { kind: 'cancelled' } : outcomeOf(errorInfoOf(e)));
      } finally {
        current.current = undefined;
        setRunning(undefined);
      }
    },
    [onImported, onBegun],
  );

  const cancel = useCallback(() => {
    const run = current.current;
    if (!run || run.cancelled) return;
    run.cancelled = true;
    // The archive drops what it received and stops before writing; the calls under way then fail.
    void archiveClient.cancelTask(run.task).catch(() => {});
  }, []);

  const clear = useCallback(() => setOutcome(undefined), []);
  return { running, outcome, importFiles, cancel, clear };
}
