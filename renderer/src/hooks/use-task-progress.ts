// The progress of one long task this page starts: a fresh task id per run, and the archive's latest
// progress event for it (undefined before the first and after the end).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '../../../archive/api.ts';
import { archiveClient, newTaskId, onProgress } from '../api/client.ts';

export interface TaskProgress {
  progress: Progress | undefined;
  /** A new task id to pass to the long call; its events are followed from now on. */
  start(): string;
  end(): void;
  /** Asks the archive to stop the task under way (it answers its call with `cancelled`). */
  cancel(): void;
}

export function useTaskProgress(): TaskProgress {
  const [progress, setProgress] = useState<Progress>();
  const task = useRef<string>(undefined);

  useEffect(
    () =>
      onProgress((event) => {
        if (event.task === task.current) setProgress(event);
      }),
    [],
  );

  const start = useCallback(() => {
    task.current = newTaskId();
    setProgress(undefined);
    return task.current;
  }, []);
  const end = useCallback(() => {
    task.current = undefined;
    setProgress(undefined);
  }, []);
  const cancel = useCallback(() => {
    if (task.current) void archiveClient.cancelTask(task.current).catch(() => {});
  }, []);
  return { progress, start, end, cancel };
}
