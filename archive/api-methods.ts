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
  'importingCorpus',
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

/**
 * Methods whose answer the page can also take as bytes (answerBytes: the envelope as UTF-8 JSON),
 * to hand to its search worker unread: the list and the corpus grow with the archive, and the page's
 * own thread must never parse them.
 */
export const BYTES_METHODS = [
  'info',
  'list',
  'searchCorpus',
  'importingCorpus',
] as const satisfies readonly ApiMethod[];
export type BytesMethod = (typeof BYTES_METHODS)[number];

export function isBytesMethod(name: unknown): name is BytesMethod {
  return typeof name === 'string' && (BYTES_METHODS as readonly string[]).includes(name);
}

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
/** answerBytes over IPC: (method, input) in, the envelope as UTF-8 JSON bytes out. */
export const IPC_BYTES_CHANNEL = 'press-archive-bytes';
