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
