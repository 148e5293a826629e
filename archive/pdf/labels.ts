// The words a PDF prints around the clippings, in Hindi and English, and the dates it shows.
// (Field names come from the shared catalog in messages.ts.)
import type { Language } from '../messages.ts';

const en = {
  appName: 'Press Archive',
  coverTitle: 'Press clippings',
  selectionQuery: 'Search: “{{query}}”',
  selectionIds: 'Selected clippings',
  selectionAll: 'The whole archive',
  exportedOn: 'Exported on',
  selection: 'What was exported',
  count: 'Clippings',
  contents: 'Contents',
  notes: 'Notes',
  id: 'Archive id',
  page: 'Page {{page}} of {{pages}}',
  documentTitle: 'Press Archive: {{count}} clippings',
};

type LabelKey = keyof typeof en;

const hi: Record<LabelKey, string> = {
  appName: 'प्रेस आर्काइव',
  coverTitle: 'अख़बारी कतरनें',
  selectionQuery: 'खोज: “{{query}}”',
  selectionIds: 'चयनित कतरनें',
  selectionAll: 'पूरा संग्रह',
  exportedOn: 'निर्यात की तारीख़',
  selection: 'क्या निर्यात हुआ',
  count: 'कतरनें',
  contents: 'विषय-सूची',
  notes: 'टिप्पणियाँ',
  id: 'संग्रह आईडी',
  page: 'पृष्ठ {{page}} / {{pages}}',
  documentTitle: 'प्रेस आर्काइव: {{count}} कतरनें',
};

const catalogs: Record<Language, Record<LabelKey, string>> = { en, hi };

export function label(language: Language, key: LabelKey, params: Record<string, string | number> = {}): string {
  return catalogs[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const locale = (language: Language) => (language === 'hi' ? 'hi-IN' : 'en-GB');

/** A clipping's date (YYYY, YYYY-MM or YYYY-MM-DD) as people write it: "15 जुलाई 2024", "July 2024". */
export function formatClippingDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  if (month === undefined) return String(year);
  const at = new Date(Date.UTC(year!, month - 1, day ?? 1));
  const parts: Intl.DateTimeFormatOptions =
    day === undefined ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(locale(language), { ...parts, timeZone: 'UTC' }).format(at);
}

/** When the export was made, in the machine's time zone. */
export function formatExportTime(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeStyle: 'short' }).format(at);
}
