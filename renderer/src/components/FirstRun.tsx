// What the reader shows while no clipping is open: on the first runs a short guide (add, import,
// search, the query's field names), until dismissed; then one line and a way back to the guide.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { langOf } from './lang-of.ts';

const KEY = 'press-archive.guide';

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) === 'hidden';
  } catch {
    return false;
  }
}

function remember(hidden: boolean): void {
  try {
    localStorage.setItem(KEY, hidden ? 'hidden' : 'shown');
  } catch {
    // Not remembered; the choice still applies now.
  }
}

const EXAMPLES = {
  hi: ['शीर्षक:बाढ़', 'प्रकाशन:"अमर उजाला"', 'लेखक:शर्मा', 'स्थान:पटना', 'टैग:चुनाव', 'तिथि:2024-01..2024-06'],
  en: ['title:बाढ़', 'publication:"अमर उजाला"', 'author:शर्मा', 'place:पटना', 'tag:चुनाव', 'date:2024-01..2024-06'],
};

export function FirstRun() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [hidden, setHidden] = useState(remembered);
  const toggle = (next: boolean) => {
    remember(next);
    setHidden(next);
  };
  if (hidden) {
    return (
      <>
        <p>{t('reader.empty')}</p>
        <button type="button" className="link-button" data-testid="show-guide" onClick={() => toggle(false)}>
          {t('guide.show')}
        </button>
      </>
    );
  }
  return (
    <div className="first-run" data-testid="first-run">
      <h2>{t('guide.heading')}</h2>
      <ol className="first-run-steps">
        <li>{t('guide.add')}</li>
        <li>{t('guide.import')}</li>
        <li>{t('guide.search')}</li>
      </ol>
      <h3>{t('guide.syntaxHeading')}</h3>
      <ul className="first-run-syntax">
        {EXAMPLES[language].map((example) => (
          <li key={example}>
            <code lang={langOf(example.split(':')[0]!)}>{example}</code>
          </li>
        ))}
      </ul>
      <p className="first-run-note">{t('guide.syntaxNote')}</p>
      <p className="first-run-note">{t('guide.keys')}</p>
      <p>{t('reader.empty')}</p>
      <button type="button" data-testid="hide-guide" onClick={() => toggle(true)}>
        {t('guide.hide')}
      </button>
    </div>
  );
}
