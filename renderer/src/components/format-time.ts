// A date and time as the UI says it. Hindi uses the 24-hour clock: Intl's hi-IN 12-hour form
// mixes Latin "am/pm" into the Hindi text.
import type { Language } from '../../../archive/messages.ts';

export function formatTime(iso: string, language: Language, dateStyle: 'long' | 'medium'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-GB', {
    dateStyle,
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(date);
}
