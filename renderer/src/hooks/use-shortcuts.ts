// Keyboard: Ctrl/Cmd+N new clipping, Ctrl/Cmd+F or "/" to the search box.
import { useEffect, useEffectEvent } from 'react';

export interface Shortcuts {
  onNew(): void;
  onFind(): void;
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

export function useShortcuts(shortcuts: Shortcuts): void {
  const onNew = useEffectEvent(() => shortcuts.onNew());
  const onFind = useEffectEvent(() => shortcuts.onFind());

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
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
