// Which language the UI speaks: the person's last choice, else the browser's (hi* → Hindi).
import { LANGUAGES, languageFromLocale, type Language } from '../../../archive/messages.ts';

const STORAGE_KEY = 'press-archive.language';

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // No storage: follow the browser.
  }
  return languageFromLocale(navigator.language);
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the choice still applies now.
  }
}

export function asLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : 'en';
}
