// The one place a call from any transport enters the service: argument validation, the call,
// result validation, and errors turned into envelopes. Both transports use it. A call that names a
// task (`task` in its input) gets a run that reports progress to the transport's sink and can be
// cancelled (archive/tasks.ts); every event is checked against ProgressSchema like any answer.
import { api, ProgressSchema, type ApiHandlers, type Envelope, type TaskKind } from '../api.ts';
import { isApiMethod, type ApiMethod } from '../api-methods.ts';
import { toErrorInfo, validationError } from '../errors.ts';
import { TaskRegistry, type ProgressSink } from '../tasks.ts';

/** `progress`: where this call's progress events go (the transport sends them to its caller). */
export type Dispatch = (method: string, input: unknown, progress?: ProgressSink) => Promise<Envelope<unknown>>;

/** The kind of task each long method is; the rest report nothing. */
const TASK_KIND_OF: Partial<Record<ApiMethod, TaskKind>> = {
  importFiles: 'import',
  importBegin: 'import',
  importChunk: 'import',
  importFinish: 'import',
  exportPdf: 'exportPdf',
  exportData: 'exportData',
  backupFile: 'backup',
  restoreFile: 'restore',
  restoreBackup: 'restore',
  verify: 'verify',
};

/**
 * Answers made of stored records as they were read, which were checked against the same schemas
 * (and their checksums) when their files were read: the whole archive's list and text, checked a
 * second time here, cost 2 ms per 1,000 clippings at each start of the app and each rebuild of the
 * index. A test checks that checking them would change nothing.
 */
export const ANSWERS_OF_CHECKED_RECORDS: ReadonlySet<ApiMethod> = new Set(['list', 'searchCorpus']);

export function createDispatcher(handlers: ApiHandlers & { readonly tasks?: TaskRegistry }): Dispatch {
  const tasks = handlers.tasks ?? new TaskRegistry();
  return async (method, input, progress) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'badRequest', params: { detail: `unknown method ${method.slice(0, 50)}` } } };
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).info };
    const kind = TASK_KIND_OF[method];
    const task = kind === undefined ? undefined : (parsed.data as { task?: string }).task;
    const sink: ProgressSink | undefined =
      progress && ((event) => ProgressSchema.safeParse(event).success && progress(event));
    const { run, end } = tasks.begin(task, kind ?? 'import', kind === undefined ? undefined : sink);
    try {
      const handler = handlers[method] as (this: ApiHandlers, input: unknown, run: unknown) => Promise<unknown>;
      const value = await handler.call(handlers, parsed.data, run);
      if (ANSWERS_OF_CHECKED_RECORDS.has(method)) return { ok: true, value };
      const result = spec.output.safeParse(value);
      if (!result.success) {
        // Our own bug, not the caller's input: never pass a malformed answer on.
        return { ok: false, error: { code: 'internal', params: { detail: `invalid result of ${method}` } } };
      }
      return { ok: true, value: result.data };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    } finally {
      end();
    }
  };
}
