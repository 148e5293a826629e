// The worker's saved index, in IndexedDB (the renderer cannot write files; the browser keeps this
// per app origin). One record per archive folder. Any failure means "not saved": the next start
// builds again, nothing else.
const DB_NAME = 'press-archive-search';
const STORE = 'indexes';

interface Saved {
  archiveKey: string;
  bytes: Uint8Array;
  savedAt: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'archiveKey' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB request failed'));
  });
}

export async function loadIndexBytes(archiveKey: string): Promise<Uint8Array | undefined> {
  try {
    const db = await open();
    try {
      const saved = (await done(db.transaction(STORE).objectStore(STORE).get(archiveKey))) as Saved | undefined;
      return saved?.bytes;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

export async function saveIndexBytes(archiveKey: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const db = await open();
    try {
      const record: Saved = { archiveKey, bytes, savedAt: new Date().toISOString() };
      await done(db.transaction(STORE, 'readwrite').objectStore(STORE).put(record));
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
