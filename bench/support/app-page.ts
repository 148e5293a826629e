// What the app benchmark watches inside the page, without touching the app: an init script that
// logs the search worker's messages (sync, need, docs, ready) and every change of the result count
// and first row, all in the page's clock (ms since navigation), plus the in-page measurements
// (a query's answer, frame gaps while scrolling). Runs in Chromium, so plain browser code only.

export interface WorkerEvent {
  t: number;
  dir: 'new' | 'in' | 'out';
  type?: string;
  how?: string;
  n?: number;
}

export interface PageLog {
  events: WorkerEvent[];
  counts: { t: number; text: string }[];
  /** The first result row was in the page, and the next frame after it. */
  firstRowDom?: number;
  firstRowFrame?: number;
}

declare global {
  interface Window {
    __bench: PageLog & { stop(): void };
  }
}

/** Installed with context.addInitScript: runs before the app's own scripts on every load. */
export function instrument(): void {
  const log: PageLog & { stop(): void } = { events: [], counts: [], stop: () => {} };
  window.__bench = log;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      log.events.push({ t: performance.now(), dir: 'new' });
      this.addEventListener('message', (e: MessageEvent) => {
        const d = e.data as { type?: string; how?: string; ids?: unknown[] };
        if (d?.type === 'ready' || d?.type === 'need' || d?.type === 'failed')
          log.events.push({ t: performance.now(), dir: 'in', type: d.type, how: d.how, n: d.ids?.length });
      });
    }
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      const m = message as { type?: string; docs?: unknown[]; versions?: unknown[] };
      if (m?.type === 'sync' || m?.type === 'docs')
        log.events.push({ t: performance.now(), dir: 'out', type: m.type, n: (m.docs ?? m.versions)?.length });
      super.postMessage(message, options as StructuredSerializeOptions);
    }
  };
  let last = '';
  const observer = new MutationObserver(() => {
    if (log.firstRowDom === undefined && document.querySelector('[data-testid="result-item"]')) {
      log.firstRowDom = performance.now();
      requestAnimationFrame(() => (log.firstRowFrame = performance.now()));
    }
    const text = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
    if (text !== last) {
      last = text;
      log.counts.push({ t: performance.now(), text });
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  // Stopped before the typing and scrolling figures, so the watching does not weigh on them.
  log.stop = () => observer.disconnect();
}

/**
 * Puts a query in the search box as one input event (like a paste) and resolves, at the next frame
 * after the result count names this query, with the milliseconds that took and the count's text.
 */
export function answerTime(query: string): Promise<{ ms: number; text: string }> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
  const want = `“${query.trim()}”`;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  return new Promise((resolve) => {
    const countText = () => document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
    let t0 = 0;
    const observer = new MutationObserver(() => {
      if (!countText().includes(want)) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0, text: countText() }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    t0 = performance.now();
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export interface FrameLog {
  gaps: number[];
  /** Frames with at least one row still waiting for its page ("Loading…" rows). */
  placeholderFrames: number;
  scrolledPx: number;
}

/** Starts recording requestAnimationFrame gaps; the returned promise's stop() ends it. */
export function startFrames(): void {
  const log: FrameLog = { gaps: [], placeholderFrames: 0, scrolledPx: 0 };
  const list = document.querySelector<HTMLElement>('[role="listbox"]')!;
  const startTop = list.scrollTop;
  let previous = performance.now();
  let running = true;
  const frame = (now: number) => {
    if (!running) return;
    log.gaps.push(now - previous);
    previous = now;
    if (list.querySelector('.result-row.placeholder')) log.placeholderFrames += 1;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  (window as unknown as { __frames: () => FrameLog }).__frames = () => {
    running = false;
    log.scrolledPx = list.scrollTop - startTop;
    return log;
  };
}

export function stopFrames(): FrameLog {
  return (window as unknown as { __frames: () => FrameLog }).__frames();
}

/** Keys of the search worker's saved indexes in IndexedDB (keys only: the bytes stay on disk). */
export async function savedIndexKeys(): Promise<string[]> {
  // Never open a database the worker has not made: opening creates it, empty, at version 1, and
  // the worker's own open (version 1) would then find no store and never save.
  if (!(await indexedDB.databases()).some((d) => d.name === 'press-archive-search')) return [];
  return new Promise((resolve) => {
    const open = indexedDB.open('press-archive-search');
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('indexes')) {
        db.close();
        return resolve([]);
      }
      const keys = db.transaction('indexes').objectStore('indexes').getAllKeys();
      keys.onsuccess = () => {
        db.close();
        resolve(keys.result.map(String));
      };
      keys.onerror = () => {
        db.close();
        resolve([]);
      };
    };
  });
}
