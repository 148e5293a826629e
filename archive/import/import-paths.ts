// Files on disk imported the way the page imports the files it is given: importBegin, each file's
// bytes in pieces (importChunk), importFinish, as one task whose progress goes to `progress`. The
// desktop app's File → Import… and "Open with" use it, so they show the same progress, can be
// cancelled the same way (cancelTask with the task's id) and refuse the same files by name.
// Reads one piece at a time: a large file is never held whole here either.
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Envelope, ImportProblem, ImportReport } from '../api.ts';
import type { ErrorInfo } from '../errors.ts';
import type { ProgressSink } from '../tasks.ts';
import type { Dispatch } from '../transport/dispatch.ts';

/** A path that is not a regular file we can stat: named in the report, never sent. */
async function notSendable(path: string): Promise<ErrorInfo | undefined> {
  try {
    if (!(await stat(path)).isFile()) return { code: 'notAFile', params: { file: basename(path) } };
    return undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { code: 'unreadableFile', params: { file: basename(path), detail } };
  }
}

async function sendFile(
  dispatch: Dispatch,
  task: string,
  index: number,
  path: string,
  size: number,
  chunkBytes: number,
) {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(chunkBytes);
    let sent = 0;
    while (sent < size) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, size - sent), sent);
      if (bytesRead === 0) break; // shorter than when it was measured: importFinish says so
      const answer = await dispatch('importChunk', { task, file: index, bytes: buffer.slice(0, bytesRead) });
      if (!answer.ok) return answer;
      sent += bytesRead;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * Imports these files as one task. Resolves to the import's envelope: the report names every file
 * that could not be imported (not a file, unreadable, of a kind or size the archive refuses, not
 * UTF-8), beside what the others added; an error envelope when the whole import failed or was
 * cancelled (then nothing was added).
 */
export async function importPaths(
  dispatch: Dispatch,
  paths: readonly string[],
  options: { task: string; progress?: ProgressSink },
): Promise<Envelope<ImportReport>> {
  const { task, progress } = options;
  const call = (method: string, input: unknown) => dispatch(method, input, progress);
  const problems: ImportProblem[] = [];
  const files: { path: string; name: string; size: number }[] = [];
  for (const path of paths) {
    const refusal = await notSendable(path);
    if (refusal) problems.push({ file: basename(path), error: refusal });
    else files.push({ path, name: basename(path), size: (await stat(path)).size });
  }
  if (files.length === 0) return { ok: true, value: { added: 0, skipped: 0, addedIds: [], errors: problems } };

  const begun = await call('importBegin', { task, files: files.map(({ name, size }) => ({ name, size })) });
  if (!begun.ok) return begun;
  const { chunkBytes, refused } = begun.value as { chunkBytes: number; refused: number[] };
  for (const [index, file] of files.entries()) {
    if (refused.includes(index)) continue;
    try {
      const failed = await sendFile(call, task, index, file.path, file.size, chunkBytes);
      if (failed) return failed as Envelope<never>;
    } catch (error) {
      // Could not be read after all: nothing is added (the import is all or nothing once begun).
      await call('cancelTask', { task });
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'unreadableFile', params: { file: file.name, detail } } };
    }
  }
  const finished = (await call('importFinish', { task })) as Envelope<ImportReport>;
  if (!finished.ok) return finished;
  return { ok: true, value: { ...finished.value, errors: [...problems, ...finished.value.errors] } };
}
