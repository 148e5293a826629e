// What the preload (Electron) or web-bridge.js (press-archive serve) puts on the window.
import type { PressArchiveBridge } from '../../archive/api.ts';

declare global {
  interface Window {
    readonly pressArchive: PressArchiveBridge;
  }
}

export {};
