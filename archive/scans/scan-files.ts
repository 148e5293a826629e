// Scanned files in the archive folder, stored by content: scans/ab/abcdef….jpg, named by the SHA-256
// of their bytes. The name is the checksum: a file is read back only when its bytes still hash to
// it, and `check` verifies every file a clipping uses. A file is written once and never changed, so
// two clippings made from the same scan share one file, and snapshots link it instead of copying.
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Clipping } from '../clipping.ts';
import { ArchiveError } from '../errors.ts';
import { sha256 } from '../storage/checksums.ts';
import { errorDetail, syncDirectory, writeFileDurably } from '../storage/durable-json-file.ts';
import { STORED_EXTENSION, sniffMime } from './image-kind.ts';

export const SCANS_DIR = 'scans';
const SCAN_FILE = /^scans\/([0-9a-f]{2})\/([0-9a-f]{64})\.(jpg|png|webp|tif|pdf)$/;

/** "scans/ab/ab…ef.jpg" for a file of these bytes (the kind is told by the bytes). */
export function scanFileName(hash: string, bytes: Uint8Array): string {
  const mime = sniffMime(bytes);
  if (!mime) throw new ArchiveError({ code: 'internal', params: { detail: 'not an image or PDF' } });
  return `${SCANS_DIR}/${hash.slice(0, 2)}/${hash}.${STORED_EXTENSION[mime]}`;
}

export function isScanFile(file: string): boolean {
  const m = SCAN_FILE.exec(file);
  return m !== null && m[2]!.startsWith(m[1]!);
}

/** The SHA-256 a scan file is named after. */
export function hashOfScanFile(file: string): string | undefined {
  return isScanFile(file) ? SCAN_FILE.exec(file)![2] : undefined;
}

/**
 * Stores these bytes (once: a file already there with the same name and sound bytes is kept) and
 * returns their SHA-256. Callers store a clipping's files under the archive lock, before the
 * clipping that uses them is written, so no clipping ever names a file that is not there.
 */
export async function putScanFile(dir: string, bytes: Uint8Array): Promise<string> {
  const hash = sha256(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const file = scanFileName(hash, bytes);
  const path = join(dir, file);
  const existing = await readFile(path).catch(() => undefined);
  if (existing && sha256(existing) === hash) return hash;
  await mkdir(dirname(path), { recursive: true });
  await writeFileDurably(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  await syncDirectory(join(dir, SCANS_DIR));
  return hash;
}

/** The file stored for this hash ("scans/ab/….png"), or undefined when there is none. */
export async function findScanFile(dir: string, hash: string): Promise<string | undefined> {
  const folder = `${SCANS_DIR}/${hash.slice(0, 2)}`;
  const names = await readdir(join(dir, folder)).catch(() => [] as string[]);
  const name = names.find((n) => n.startsWith(`${hash}.`) && isScanFile(`${folder}/${n}`));
  return name === undefined ? undefined : `${folder}/${name}`;
}

/** The bytes stored for this hash, checked against it: a changed or missing file is an error, never shown. */
export async function readScanFile(dir: string, hash: string): Promise<{ file: string; bytes: Buffer }> {
  const file = await findScanFile(dir, hash);
  if (!file) throw new ArchiveError({ code: 'damaged', params: { file: `${SCANS_DIR}/${hash}`, detail: 'missing' } });
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, file));
  } catch (error) {
    throw new ArchiveError({ code: 'io', params: { path: join(dir, file), detail: errorDetail(error) } });
  }
  if (sha256(bytes) !== hash) {
    throw new ArchiveError({ code: 'damaged', params: { file, detail: 'does not match its checksum' } });
  }
  return { file, bytes };
}

/** "scans/…" names of every scan file in the folder (an archive or a snapshot of one). */
export async function listScanFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const sub of (await readdir(join(dir, SCANS_DIR)).catch(() => [] as string[])).sort()) {
    for (const name of (await readdir(join(dir, SCANS_DIR, sub)).catch(() => [] as string[])).sort()) {
      const file = `${SCANS_DIR}/${sub}/${name}`;
      if (isScanFile(file)) files.push(file);
    }
  }
  return files;
}

/** Every file hash these clippings use: their scans and the page images made from them. */
export function scanHashesOf(clippings: readonly Clipping[]): Set<string> {
  const hashes = new Set<string>();
  for (const clipping of clippings) {
    for (const scan of clipping.scans ?? []) {
      hashes.add(scan.sha256);
      for (const page of scan.pages) hashes.add(page.image);
    }
  }
  return hashes;
}

/**
 * Checks that every file the clippings use is there and hashes to its name. Problems name the file
 * and the clipping that uses it.
 */
export async function checkScanFiles(
  dir: string,
  clippings: readonly Clipping[],
): Promise<{ files: number; problems: { file: string; id: string; detail: string }[] }> {
  const problems: { file: string; id: string; detail: string }[] = [];
  const verdicts = new Map<string, { file: string; detail?: string }>();
  for (const clipping of clippings) {
    for (const hash of scanHashesOf([clipping])) {
      let verdict = verdicts.get(hash);
      if (!verdict) {
        verdict = await readScanFile(dir, hash).then(
          ({ file }) => ({ file }),
          (error: unknown) => {
            const params = error instanceof ArchiveError ? error.info.params : undefined;
            return {
              file: String(params?.file ?? `${SCANS_DIR}/${hash}`),
              detail: `scan ${hash.slice(0, 12)}… ${String(params?.detail ?? errorDetail(error))}`,
            };
          },
        );
        verdicts.set(hash, verdict);
      }
      if (verdict.detail) problems.push({ file: verdict.file, id: clipping.id, detail: verdict.detail });
    }
  }
  return { files: verdicts.size, problems };
}

/**
 * Removes the files that the given (removed) clippings used and no remaining clipping uses.
 * A file another clipping uses stays, so does every file a snapshot holds (snapshots keep their own
 * links). Returns the names removed.
 */
export async function removeUnusedScans(
  dir: string,
  removed: readonly Clipping[],
  remaining: readonly Clipping[],
): Promise<string[]> {
  const used = scanHashesOf(remaining);
  const gone: string[] = [];
  for (const hash of scanHashesOf(removed)) {
    if (used.has(hash)) continue;
    const file = await findScanFile(dir, hash);
    if (!file) continue;
    await rm(join(dir, file), { force: true });
    gone.push(file);
  }
  return gone;
}
