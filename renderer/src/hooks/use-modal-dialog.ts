// A <dialog> shown as a modal for as long as its component is mounted. When it goes (Esc, Cancel,
// Save…) focus goes back to the control that opened it: React takes the dialog out of the page
// before the browser would restore focus itself, which left focus on the page's body.
import { useLayoutEffect, type RefObject } from 'react';
import { returnFocus } from '../focus/focus-return.ts';

export function useModalDialog(ref: RefObject<HTMLDialogElement | null>): void {
  useLayoutEffect(() => {
    const dialog = ref.current;
    const active = document.activeElement;
    // Opened by a shortcut with nothing focused: there is no opener, focus goes to the list.
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // After React has taken the dialog out (and maybe changed what opened it).
      queueMicrotask(() => returnFocus(opener));
    };
  }, [ref]);
}
