// The clippings an import under way is about to write, for whoever asks while it writes them: the
// app's search worker indexes them then, on the other core, instead of after the archive is written.
// They are handed out only past the import's last chance to be cancelled; a write that still fails
// leaves the archive as it was, and the worker finds out by comparing its index with the list.
import type { Clipping } from '../clipping.ts';

export class StagedImports {
  private readonly made = new Map<string, Clipping[]>();
  private readonly waiting = new Map<string, ((clippings: Clipping[]) => void)[]>();

  /**
   * The clippings import `task` is about to write, once they are made. Empty when it adds nothing,
   * ends without writing, or is over already; `underWay` says whether the import is still running
   * (an answer then waits for it).
   */
  clippingsOf(task: string, underWay: boolean): Promise<Clipping[]> {
    const made = this.made.get(task);
    if (made) return Promise.resolve(made);
    if (!underWay) return Promise.resolve([]);
    return new Promise((resolve) => this.waiting.set(task, [...(this.waiting.get(task) ?? []), resolve]));
  }

  /** Past the import's last cancel: these are what it writes now. */
  publish(task: string, clippings: Clipping[]): void {
    this.made.set(task, clippings);
    this.settle(task, clippings);
  }

  /** The import is over (written, failed or cancelled): nothing is held for it any more. */
  end(task: string): void {
    this.made.delete(task);
    this.settle(task, []);
  }

  private settle(task: string, clippings: Clipping[]): void {
    for (const resolve of this.waiting.get(task) ?? []) resolve(clippings);
    this.waiting.delete(task);
  }
}
