// The API's method names, on their own so the sandboxed preload can build its bridge without zod.
// api.ts declares the schemas for exactly these names (checked by the compiler).
export const API_METHODS = [
  'info',
  'list',
  'get',
  'add',
  'update',
  'trash',
  'restore',
  'importFiles',
  'importBegin',
  'importChunk',
  'importFinish',
  'cancelTask',
  'searchCorpus',
  'searchSnippets',
  'savedSearches',
  'saveSearches',
  'backups',
  'restoreBackup',
  'vocabulary',
  'similar',
  'exportData',
  'openClippingUrl',
  'exportPdf',
  'emptyTrash',
  'retag',
  'renameTag',
  'backupFile',
  'restoreFile',
  'takeBackup',
  'openArchiveFolder',
  'scanImage',
  'verify',
  'repair',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** Commands the desktop menu sends to the UI. */
export const UI_COMMANDS = ['add-clipping', 'archive-changed'] as const;
export type UiCommand = (typeof UI_COMMANDS)[number];

export const IPC_PREFIX = 'press-archive:';
export const IPC_COMMAND_CHANNEL = 'press-archive-command';
/** Progress events of long tasks, main to renderer (one channel; each event names its task). */
export const IPC_PROGRESS_CHANNEL = 'press-archive-progress';
