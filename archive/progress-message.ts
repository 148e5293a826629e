// A long task's progress as one line of text ("Importing: 6,000 / 15,000 clippings"), for the CLI's
// progress line and the app's progress bar alike.
import type { Progress } from './progress.ts';
import { format, type Language } from './messages.ts';

const MB = 1024 * 1024;

export function progressMessage(event: Progress, lang: Language): string {
  const numbers = new Intl.NumberFormat(lang === 'hi' ? 'hi-IN' : 'en-IN', {
    maximumFractionDigits: event.step === 'bytes' ? 1 : 0,
  });
  const scale = event.step === 'bytes' ? MB : 1;
  return format(lang, `progress.${event.kind}.${event.step}`, {
    done: numbers.format(event.done / scale),
    total: numbers.format(event.total / scale),
  });
}
