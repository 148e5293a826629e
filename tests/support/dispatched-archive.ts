// The setup of the tests that call the archive as the UI does: through the dispatcher, on a real
// archive folder of their own.
import { afterEach, beforeEach } from 'vitest';
import { ArchiveService } from '../../archive/service.ts';
import { createDispatcher, type Dispatch } from '../../archive/transport/dispatch.ts';
import { tempDir } from './temp.ts';

export interface DispatchedArchive {
  dir: string;
  service: ArchiveService;
  dispatch: Dispatch;
}

/** Before each test of the calling file, a new archive and its dispatcher (fields filled in then); closed and removed after. */
export function dispatchedArchivePerTest(): DispatchedArchive {
  const archive = {} as DispatchedArchive;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    archive.dir = temp.dir;
    archive.service = await ArchiveService.open(temp.dir);
    archive.dispatch = createDispatcher(archive.service);
  });
  afterEach(async () => {
    await archive.service.close();
    await cleanup();
  });
  return archive;
}

/** A method's answer through the dispatcher; its error envelope thrown. */
export async function valueOf<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const envelope = await dispatch(method, input);
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
}
