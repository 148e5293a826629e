// Long tasks (import, export, backup, restore, index building) report how far they have got and
// can be cancelled. A caller names its task with an id of its own choosing; the service reports
// progress under that id to whoever called it (the transport forwards it as events) and stops at
// its next check when the task is cancelled. Nothing here knows about a transport.
import { ArchiveError } from './errors.ts';
import type { Progress, ProgressStep, TaskKind } from './progress.ts';

/** What a long method receives besides its input. */
export interface TaskRun {
  /** The caller's id for this task; undefined for a run nobody can name (quietRun). */
  readonly task?: string | undefined;
  /** Aborted when the caller cancels the task. */
  readonly signal: AbortSignal;
  /**
   * Reports `done` of `total` for this step. Callers report every few hundred records or every
   * piece of a file (not per record), so a task of 100,000 records sends a few hundred events.
   */
  progress(step: ProgressStep, done: number, total: number): void;
  /** Throws `cancelled` when the task was cancelled: call it where stopping leaves nothing half done. */
  check(): void;
}

export type ProgressSink = (event: Progress) => void;

export function cancelledError(): ArchiveError {
  return new ArchiveError({ code: 'cancelled' });
}

/** A run nobody watches and nobody cancels: what the CLI and plain calls get. */
export function quietRun(sink?: ProgressSink, kind: TaskKind = 'import'): TaskRun {
  return { ...makeRun('local', kind, new AbortController().signal, sink), task: undefined };
}

function makeRun(task: string, kind: TaskKind, signal: AbortSignal, sink: ProgressSink | undefined): TaskRun {
  let last = '';
  return {
    task,
    signal,
    progress(step, done, total) {
      const key = `${step} ${done} ${total}`;
      if (!sink || key === last) return; // the same news twice is no news
      last = key;
      sink({ task, kind, step, done, total });
    },
    check() {
      if (signal.aborted) throw cancelledError();
    },
  };
}

/** The tasks running now, by the caller's id, so a later call can cancel one. */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>();
  /** Ids cancelled lately: a task's later calls (or one the cancel overtook) stop too. */
  private readonly cancelled = new Set<string>();

  /** A run for this call: registered under `task` when given, else a quiet one. */
  begin(task: string | undefined, kind: TaskKind, sink: ProgressSink | undefined): { run: TaskRun; end(): void } {
    if (task === undefined) return { run: quietRun(sink, kind), end: () => {} };
    const controller = new AbortController();
    if (this.cancelled.has(task)) controller.abort();
    this.running.set(task, controller);
    return {
      run: makeRun(task, kind, controller.signal, sink),
      end: () => {
        if (this.running.get(task) === controller) this.running.delete(task);
      },
    };
  }

  /** True when a call of the task was running (it stops at its next check). */
  cancel(task: string): boolean {
    this.cancelled.add(task);
    if (this.cancelled.size > 100) this.cancelled.delete(this.cancelled.values().next().value!);
    const controller = this.running.get(task);
    controller?.abort();
    return controller !== undefined;
  }

  /** Cancels every task running now (the process is stopping): each stops at its next check. */
  cancelAll(): void {
    for (const task of [...this.running.keys()]) this.cancel(task);
  }

  isCancelled(task: string): boolean {
    return this.cancelled.has(task);
  }
}
