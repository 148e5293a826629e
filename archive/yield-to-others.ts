// Node only (the renderer's programs have no setImmediate).

/** Lets queued I/O and calls run between slices of a long loop. */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
