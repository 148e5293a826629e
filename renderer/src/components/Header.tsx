// The header: the name, "Add clipping", the other commands and the language. In a narrow window
// (or at a large zoom) the other commands fold into a "Menu" button, so the header keeps one row
// and the list keeps its height.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MENU_BUTTON_ID } from '../focus/focus-return.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Header({ onAdd, extra }: { onAdd(): void; extra?: ReactNode }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [menuOpen]);

  return (
    <header className="app-header" data-pane="header">
      <h1 className="app-name">
        <span lang="hi">प्रेस आर्काइव</span>
        <span className="app-name-en" lang="en">
          Press Archive
        </span>
      </h1>
      <div
        className="header-actions"
        // Esc closes the folded menu (from its button or from inside it) and goes back to its button.
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menuOpen) {
            e.stopPropagation();
            setMenuOpen(false);
            buttonRef.current?.focus();
          }
        }}
      >
        <button
          type="button"
          className="primary"
          data-testid="add-clipping"
          data-pane-focus
          aria-keyshortcuts="Control+N Meta+N"
          onClick={onAdd}
        >
          <span aria-hidden="true">+ </span>
          {t('action.add')}
        </button>
        <button
          ref={buttonRef}
          type="button"
          id={MENU_BUTTON_ID}
          className="header-menu-button"
          data-testid="header-menu-button"
          aria-expanded={menuOpen}
          aria-controls="header-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('header.menu')}
          <span aria-hidden="true"> ▾</span>
        </button>
        <div
          ref={menuRef}
          id="header-menu"
          className={menuOpen ? 'header-menu open' : 'header-menu'}
          data-header-menu
          // A command chosen from the folded menu closes it.
          onClick={(e) => {
            if ((e.target as Element).closest('button')) setMenuOpen(false);
          }}
        >
          {extra}
        </div>
        <LanguageSwitch />
      </div>
    </header>
  );
}
