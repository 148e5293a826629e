// Prints why each skipped test was skipped (the list reporter shows only a dash), so a run without
// an Electron binary says so plainly instead of looking like a pass.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, string[]>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    const titles = this.reasons.get(reason) ?? [];
    titles.push(test.titlePath().filter(Boolean).slice(1).join(' › '));
    this.reasons.set(reason, titles);
  }

  onEnd(): void {
    for (const [reason, titles] of this.reasons) {
      console.log(`\nSkipped ${titles.length} test(s): ${reason}`);
      for (const title of titles) console.log(`  - ${title}`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
