import { useTranslation } from 'react-i18next';
import type { Language } from '../../../archive/messages.ts';
import { switchLanguage } from '../i18n/i18n.ts';
import { useLanguage } from '../i18n/use-language.ts';

const CHOICES: { language: Language; label: string }[] = [
  { language: 'hi', label: 'हिन्दी' },
  { language: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {CHOICES.map(({ language, label }) => (
        <button
          key={language}
          type="button"
          lang={language}
          data-testid={`language-${language}`}
          aria-pressed={current === language}
          onClick={() => switchLanguage(language)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
