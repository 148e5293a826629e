// The clippings an import under way is about to write, for whoever asks while it writes them: the
// app's search worker indexes them then, on the other core, instead of after the archive is written.
// They are handed out only past the import's last chance to be cancelled; a write that still fails
// leaves the archive as it was, and the worker finds out by comparing its index with the list.
import type { Clipping } from '../clipping.ts';

export class StagedImports {
  private readonly underWay = new Set<string>();
  private readonly made = new Map<string, Clipping[]>();
  private readonly waiting = new Map<string, ((clippings: Clipping[]) => void)[]>();

  /** Import `task` has begun: whoever asks for its clippings now waits for them. */
  begin(task: string): void {
    this.underWay.add(task);
  }

  /**
   * The clippings import `task` is about to write, once they are made. Empty when it adds nothing,
   * ends without writing, is over already, or is not known here.
   */
  clippingsOf(task: string): Promise<Clipping[]> {
    const made = this.made.get(task);
    if (made) return Promise.resolve(made);
    if (!this.underWay.has(task)) return Promise.resolve([]);
    return new Promise((resolve) => this.waiting.set(task, [...(this.waiting.get(task) ?? []), resolve]));
  }

  /** Past the import's last cancel: these are what it writes now. */
  publish(task: string, clippings: Clipping[]): void {
    if (!this.underWay.has(task)) return;
    this.made.set(task, clippings);
    this.settle(task, clippings);
  }

  /** The import is over (written, failed, cancelled or dropped): nothing is held for it any more. */
  end(task: string): void {
    this.underWay.delete(task);
    this.made.delete(task);
    this.settle(task, []);
  }

  private settle(task: string, clippings: Clipping[]): void {
    for (const resolve of this.waiting.get(task) ?? []) resolve(clippings);
    this.waiting.delete(task);
  }
}
