// A damaged archive is never written: from the moment damage is confirmed, the store keeps what is
// wrong and what can still be read (salvage.ts), answers reads from that, refuses every write, and
// waits for the files to change (a restore, or a repair from outside). The CLI refuses instead.
import type { Clipping } from '../clipping.ts';
import type { ArchiveError } from '../errors.ts';
import type { CheckProblem, CheckReport } from './check.ts';
import { MANIFEST_FILE } from './format.ts';
import { fingerprint } from './layout.ts';
import { salvageClippings } from './salvage.ts';
import { damaged } from './shard-file.ts';

/** What the app does with a damaged archive: open it read-only, or (the CLI) refuse to open it. */
export type WhenDamaged = 'readOnly' | 'refuse';

export interface Damage {
  problems: CheckProblem[];
}

export class DamageState {
  private state: { damage: Damage; salvage: Clipping[]; fingerprint: string } | undefined;

  constructor(
    private readonly dir: string,
    private readonly whenDamaged: WhenDamaged,
  ) {}

  /** What is wrong, while the archive is damaged. */
  get damage(): Damage | undefined {
    return this.state?.damage;
  }

  /** What could still be read, while the archive is damaged. */
  get salvage(): Clipping[] | undefined {
    return this.state?.salvage;
  }

  clear(): void {
    this.state = undefined;
  }

  /** The files changed since the damage was found (then the archive is read again). */
  async filesChanged(): Promise<boolean> {
    return this.state !== undefined && (await fingerprint(this.dir)) !== this.state.fingerprint;
  }

  /**
   * From now on the archive is read-only: what is wrong (the whole check, when it ran) and what
   * can still be read are kept until the files change. With 'refuse', `cause` is thrown instead.
   */
  async enter(cause: ArchiveError, report?: CheckReport): Promise<void> {
    if (this.whenDamaged === 'refuse') throw cause;
    const problems =
      report && report.problems.length > 0
        ? report.problems
        : [{ file: String(cause.info.params?.file ?? MANIFEST_FILE), detail: String(cause.info.params?.detail ?? '') }];
    const salvage = await salvageClippings(this.dir);
    this.state = { damage: { problems }, salvage, fingerprint: await fingerprint(this.dir) };
  }

  /** The error a write (or a backup) of the damaged archive is refused with. */
  error(): ArchiveError {
    const first = this.state?.damage.problems[0];
    return damaged(first?.file ?? MANIFEST_FILE, first?.detail ?? 'damaged');
  }
}
