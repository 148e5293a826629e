// F6 / Shift+F6: from pane to pane (header, list, reader), as in browsers and mail programs, so
// the reader is one key away from the list however many controls lie between them.
import { canFocus } from './focus-return.ts';

const ORDER = ['header', 'list', 'reader'] as const;
const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]';

export function movePane(step: 1 | -1): void {
  const current = document.activeElement?.closest<HTMLElement>('[data-pane]')?.dataset.pane;
  const at = ORDER.indexOf(current as (typeof ORDER)[number]);
  for (let i = 1; i <= ORDER.length; i++) {
    const name = ORDER[((((at < 0 && step < 0 ? 0 : at) + step * i) % ORDER.length) + ORDER.length) % ORDER.length];
    const pane = document.querySelector<HTMLElement>(`[data-pane="${name}"]`);
    const target =
      pane?.querySelector<HTMLElement>('[data-pane-focus]') ?? pane?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
    if (target && canFocus(target)) {
      target.focus();
      return;
    }
  }
}
