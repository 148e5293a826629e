// A repair report as sentences, for the CLI and the app. Apart from the report's schema so that the
// renderer can show a report without bundling zod.
import { format, type Language } from '../messages.ts';
import type { RepairReport } from './repair-report.ts';

/** The report as sentences in the user's language: the outcome first, then each thing done or not done. */
export function repairReportLines(report: RepairReport, lang: Language): string[] {
  const lines: string[] = [];
  const nothingDone = report.restored.length === 0 && report.rebuilt.length === 0 && !report.setAside;
  if (report.ok)
    lines.push(format(lang, nothingDone ? 'repair.nothing' : 'repair.done', { clippings: report.clippings }));
  else lines.push(format(lang, 'repair.partly', { count: report.unrepaired.length }));
  for (const r of report.restored)
    lines.push(
      format(lang, r.exact ? 'repair.restored' : 'repair.restoredEarlier', {
        title: r.title,
        id: r.id,
        file: r.file,
        snapshot: r.snapshot,
      }),
    );
  for (const file of report.rebuilt) lines.push(format(lang, 'repair.rebuilt', { file }));
  for (const u of report.unrepaired) {
    const clipping = u.id === undefined ? '' : format(lang, 'repair.clipping', { title: u.title ?? '', id: u.id });
    lines.push(
      format(lang, `repair.${u.reason}`, {
        file: u.file,
        clipping: u.title === undefined && u.id !== undefined ? u.id : clipping,
        count: u.count ?? 0,
        detail: u.detail ?? '',
      }),
    );
  }
  if (report.setAside) lines.push(format(lang, 'repair.setAside', { name: report.setAside }));
  return lines;
}
