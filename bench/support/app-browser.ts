// The browser side of the app benchmark: Debian's Chromium with its own profile folder (so the
// search index the worker saves in IndexedDB is there on reload), and the JS heaps of the page and
// of its search worker through the DevTools protocol.
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../tests/support/chromium.ts';

export async function launchApp(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium found (set PRESS_ARCHIVE_CHROMIUM)');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    args: chromiumArgs,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export interface Heaps {
  pageUsed: number;
  pageTotal: number;
  /** undefined when the worker could not be reached. */
  workerUsed?: number;
  workerTotal?: number;
  /** ArrayBuffer backing stores (the index's typed arrays live there, outside the JS heap). */
  pageBuffers?: number;
  workerBuffers?: number;
  workerNote?: string;
}

/**
 * The page's heap from Performance.getMetrics; the worker's from Runtime.getHeapUsage sent to the
 * worker target this session attaches to (Target.sendMessageToTarget: Playwright's CDPSession has
 * no way to address a child session directly). Both after a garbage collection.
 */
export async function heaps(page: Page): Promise<Heaps> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const usage = (await session.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
    const result: Heaps = {
      pageUsed: metric('JSHeapUsedSize'),
      pageTotal: metric('JSHeapTotalSize'),
      pageBuffers: usage.backingStorageSize,
    };
    try {
      Object.assign(result, await workerHeap(session));
    } catch (error) {
      result.workerNote = error instanceof Error ? error.message : String(error);
    }
    return result;
  } finally {
    await session.detach();
  }
}

async function workerHeap(session: CDPSession): Promise<Pick<Heaps, 'workerUsed' | 'workerTotal' | 'workerBuffers'>> {
  const attached = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no worker target attached within 5 s')), 5000);
    session.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') {
        clearTimeout(timer);
        resolve(event.sessionId);
      }
    });
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sessionId = await attached;
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<Record<string, number>>((resolve, reject) => {
      const mine = ++id;
      const timer = setTimeout(() => reject(new Error(`worker did not answer ${method} within 30 s`)), 30_000);
      const listener = (event: { sessionId?: string; message: string }) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, number>; error?: unknown };
        if (event.sessionId !== sessionId || reply.id !== mine) return;
        clearTimeout(timer);
        session.off('Target.receivedMessageFromTarget', listener);
        if (reply.error) reject(new Error(JSON.stringify(reply.error)));
        else resolve(reply.result ?? {});
      };
      session.on('Target.receivedMessageFromTarget', listener);
      void session.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: mine, method, params }),
      });
    });
  await call('HeapProfiler.collectGarbage');
  const usage = await call('Runtime.getHeapUsage');
  await session.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: false });
  return { workerUsed: usage.usedSize, workerTotal: usage.totalSize, workerBuffers: usage.backingStorageSize };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The functions that took the most self time in a CDP CPU profile, as "name (file:line) N ms". */
export function topFunctions(profile: CpuProfile, count: number): string {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = frames.get(id)!;
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(f.functionName)) return;
    const key = `${f.functionName || '(anonymous)'} (${f.url.split('/').pop()}:${f.lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${key} ${Math.round(ms)} ms`)
    .join(', ');
}
