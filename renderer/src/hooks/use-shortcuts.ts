// Keyboard: Ctrl/Cmd+N new clipping, Ctrl/Cmd+F or "/" to the search box, Ctrl/Cmd+Z undoes the
// last change (outside text fields, which keep their own undo), F6 / Shift+F6 move between the
// header, the list and the reader.
import { useEffect, useEffectEvent } from 'react';

export interface Shortcuts {
  onNew(): void;
  onFind(): void;
  onUndo(): void;
  onPane(step: 1 | -1): void;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

function inModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog[open]') !== null;
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const onNew = useEffectEvent(() => shortcuts.onNew());
  const onFind = useEffectEvent(() => shortcuts.onFind());
  const onUndo = useEffectEvent(() => shortcuts.onUndo());
  const onPane = useEffectEvent((step: 1 | -1) => shortcuts.onPane(step));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && !event.altKey && !event.shiftKey && key === 'n') {
        event.preventDefault();
        onNew();
      } else if (command && !event.altKey && !event.shiftKey && key === 'f') {
        event.preventDefault();
        onFind();
      } else if (event.key === '/' && !command && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        onFind();
      } else if (command && !event.altKey && !event.shiftKey && key === 'z' && !isTyping(event.target)) {
        if (inModal(event.target)) return;
        event.preventDefault();
        onUndo();
      } else if (event.key === 'F6' && !command && !event.altKey && !inModal(event.target)) {
        event.preventDefault();
        onPane(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
