// A Chromium trace of a page's main thread through the DevTools protocol, and what its long tasks
// were made of: for finding what keeps a page from painting (the frame-gap figures of the benches).
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, in µs: unlike `dur`, not stretched by other processes' load. */
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
].join(',');

export interface Tracing {
  /**
   * Ends the trace, writes it to `file` (chrome://tracing format) and the main thread's JavaScript
   * CPU profile beside it (.cpuprofile), and returns the long tasks.
   */
  stop(file: string, longerThanMs?: number): Promise<string[]>;
  /**
   * After stop(): per input event on the page (a query typed), the CPU time its page thread and
   * its workers spent from that event to the next one, in ms.
   */
  cpuPerInput(): { page: number; worker: number }[];
}

export async function traceMainThread(page: Page): Promise<Tracing> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Profiler.start');
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    cpuPerInput: () => cpuPerInput(events),
    async stop(file, longerThanMs = 50) {
      const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
      await session.send('Tracing.end');
      await complete;
      const { profile } = await session.send('Profiler.stop');
      await writeFile(file.replace(/(\.json)?$/, '.cpuprofile'), JSON.stringify(profile));
      await session.detach();
      await writeFile(file, JSON.stringify({ traceEvents: events }));
      return longTasks(events, longerThanMs);
    },
  };
}

/** Each main-thread task over the limit, with the longest things it did (name, detail, ms). */
function longTasks(events: TraceEvent[], longerThanMs: number): string[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return ['no CrRendererMain thread in the trace'];
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = own.filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur! > longerThanMs * 1000,
  );
  return tasks.map((task) => {
    const inside = own
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.name !== 'RunTask')
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 8)
      .map((e) => {
        const d = e.args?.data ?? {};
        const detail = [d.functionName, d.url, d.type, d.frame === undefined ? undefined : '']
          .filter(Boolean)
          .join(' ');
        return `${e.name}${detail ? ` (${detail})` : ''} ${(e.dur! / 1000).toFixed(0)}`;
      });
    return `${(task.dur! / 1000).toFixed(0)} ms: ${inside.join('; ')}`;
  });
}

/** What tasks of a thread cost in CPU time between each input event on the page and the next one. */
function cpuPerInput(events: TraceEvent[]): { page: number; worker: number }[] {
  const thread = (name: string) => events.filter((e) => e.name === 'thread_name' && e.args?.name === name);
  const [main] = thread('CrRendererMain');
  if (!main) return [];
  const tasksOf = (threads: TraceEvent[]) =>
    events.filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        threads.some((t) => t.pid === e.pid && t.tid === e.tid),
    );
  const pageTasks = tasksOf([main]);
  const workerTasks = tasksOf(thread('DedicatedWorker thread').filter((t) => t.pid === main.pid));
  const inputs = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'EventDispatch')
    .filter((e) => e.args?.data?.type === 'input')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const cpu = (tasks: TraceEvent[], from: number, to: number) =>
    tasks.filter((e) => e.ts + e.dur! > from && e.ts < to).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  // The task that dispatches the input began before it: it counts for this input, not the one before.
  return inputs.map((from, i) => {
    const to = inputs[i + 1] ?? Infinity;
    const next = pageTasks.find((e) => e.ts <= to && e.ts + e.dur! >= to);
    return {
      page: cpu(pageTasks, from, to) - (next && i + 1 < inputs.length ? next.tdur! / 1000 : 0),
      worker: cpu(workerTasks, from, to),
    };
  });
}
