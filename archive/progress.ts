// What a long task reports as it goes, without zod: the task runner (tasks.ts) and the progress text
// (progress-message.ts) take it from here, not from the API's declaration, which needs the runner.
export const TASK_KINDS = ['import', 'index', 'exportPdf', 'exportData', 'backup', 'restore', 'verify'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/**
 * What a step counts: bytes of the files received, records read (parsed and checked), scanned
 * pages read by OCR, records added, clippings indexed, clippings written (export, backup, restore),
 * pages printed, shard files checked (the full verification).
 */
export const PROGRESS_STEPS = [
  'bytes',
  'read',
  'recognized',
  'added',
  'indexed',
  'written',
  'printed',
  'checked',
] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

/** One progress event of a long task: `done` of `total` in this step. */
export interface Progress {
  task: string;
  kind: TaskKind;
  step: ProgressStep;
  done: number;
  total: number;
}
