// Where focus goes when the control that had it cannot take it back (its dialog closed and the
// header menu it sat in folded, its row trashed): the menu's button, else the result list.
export const LIST_ID = 'results';
export const MENU_BUTTON_ID = 'header-menu-button';

export function canFocus(element: HTMLElement): boolean {
  return (
    element.isConnected &&
    !(element as HTMLButtonElement).disabled &&
    element.checkVisibility({ visibilityProperty: true }) &&
    !element.closest('[inert]')
  );
}

/** Focus the opener if it can still take focus, else the next sensible place. */
export function returnFocus(opener: HTMLElement | null): void {
  const active = document.activeElement;
  // Something else took focus meanwhile on purpose (another dialog, a field): leave it there.
  if (active instanceof HTMLElement && active !== document.body && active.isConnected) return;
  if (opener && canFocus(opener)) return opener.focus();
  const menuButton = document.getElementById(MENU_BUTTON_ID);
  if (opener?.closest('[data-header-menu]') && menuButton && canFocus(menuButton)) return menuButton.focus();
  document.getElementById(LIST_ID)?.focus();
}
