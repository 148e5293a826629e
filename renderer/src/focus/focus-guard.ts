// A safety net for keyboard users: when the element with focus disappears or is disabled (a row
// trashed, a toast's Undo done, a Restore button whose clipping came back), the browser drops
// focus on the page's body and the next Tab starts over at the top. This puts focus back in the
// pane it was in, else on the list.
import { useEffect } from 'react';
import { canFocus, LIST_ID } from './focus-return.ts';

const PANES = '[data-pane]';

function lost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

export function useFocusGuard(): void {
  useEffect(() => {
    let last: HTMLElement | undefined;
    let pane: HTMLElement | undefined;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      last = event.target;
      pane = last.closest<HTMLElement>(PANES) ?? undefined;
    };
    let scheduled = false;
    const check = () => {
      scheduled = false;
      if (!last || !lost() || canFocus(last)) return;
      const home = pane?.isConnected ? pane.querySelector<HTMLElement>('[data-pane-focus]') : null;
      const target = home && canFocus(home) ? home : document.getElementById(LIST_ID);
      last = undefined;
      target?.focus();
    };
    const observer = new MutationObserver(() => {
      if (scheduled || !last || !lost()) return;
      scheduled = true;
      // After this turn's own focus handling (a dialog handing focus back to its opener).
      setTimeout(check);
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled', 'hidden', 'open', 'inert'],
    });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
