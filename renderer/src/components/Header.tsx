import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Header({ onAdd, extra }: { onAdd(): void; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-name">
        <span lang="hi">प्रेस आर्काइव</span>
        <span className="app-name-en" lang="en">
          Press Archive
        </span>
      </h1>
      <div className="header-actions">
        <button
          type="button"
          className="primary"
          data-testid="add-clipping"
          aria-keyshortcuts="Control+N Meta+N"
          onClick={onAdd}
        >
          <span aria-hidden="true">+ </span>
          {t('action.add')}
        </button>
        {extra}
        <LanguageSwitch />
      </div>
    </header>
  );
}
