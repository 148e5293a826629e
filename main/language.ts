// The language of the desktop app's own words: Hindi when the OS prefers it, else English.
import { app } from 'electron';
import { languageFromLocale, type Language } from '../archive/messages.ts';

export function systemLanguage(): Language {
  return languageFromLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
}
