// i18next with the shared catalogs (fields, errors) and the UI's own strings, in Hindi and English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, LANGUAGES, type Language } from '../../../archive/messages.ts';
import { asLanguage, initialLanguage, rememberLanguage } from './language.ts';
import { uiEn } from './ui-en.ts';
import { uiHi } from './ui-hi.ts';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...catalogs.en, ...uiEn } },
    hi: { translation: { ...catalogs.hi, ...uiHi } },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

function reflectLanguage(language: string): void {
  document.documentElement.lang = asLanguage(language);
}

reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

export function switchLanguage(language: Language): void {
  rememberLanguage(language);
  void i18n.changeLanguage(language);
}
