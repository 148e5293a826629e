import { useTranslation } from 'react-i18next';
import type { Language } from '../../../archive/messages.ts';
import { asLanguage } from './language.ts';

/** The current UI language, re-rendering on a switch. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return asLanguage(i18n.resolvedLanguage ?? i18n.language);
}
