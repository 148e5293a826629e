// Files on their way in, piece by piece (importBegin, importChunk, importFinish): the archive
// decodes the bytes as they come, so the page sending them never holds or decodes a whole file.
// A piece must come in order and a file may not grow past the size it was announced with. A scan
// (an image, by its name) is kept as bytes for OCR instead.
// As the CLI does, a file that cannot be imported (a kind we do not read, over the size limit, not
// UTF-8) is named in the report and the others are imported: a kind or a size is refused before a
// byte of that file is sent, UTF-8 once its bytes have come.
import { MAX_IMPORT_BYTES, fileTooLarge, type ImportFile, type ImportProblem } from '../api.ts';
import { ArchiveError, type ErrorInfo } from '../errors.ts';
import { isScanName, type ScanFile } from '../scans/read-scans.ts';
import { IMPORT_EXTENSIONS, extensionOf } from './records.ts';

interface IncomingFile {
  name: string;
  size: number;
  /** Why this file is not imported, said before its bytes are sent (then none may come). */
  refusal: ErrorInfo | undefined;
  received: number;
  parts: string[];
  decoder: TextDecoder;
  notUtf8: boolean;
  /** The bytes of a scan, as they came. */
  bytes?: Uint8Array[];
}

/** What the files' bytes came to: the text of each readable file, and each file refused by name. */
export interface ReceivedFiles {
  files: ImportFile[];
  scans: ScanFile[];
  refused: ImportProblem[];
}

function refusalOf(file: { name: string; size: number }): ErrorInfo | undefined {
  if (!isScanName(file.name) && !(IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
    return { code: 'unsupportedFile', params: { file: file.name } };
  }
  // Refused before a byte is sent, as the CLI refuses before reading.
  if (file.size > MAX_IMPORT_BYTES) return fileTooLarge(file.name, file.size);
  return undefined;
}

/**
 * Uploads kept at once: a page has one import at a time, a few pages at most. A page closed in the
 * middle of an import never finishes it: past this many, the oldest is dropped to make room.
 */
export const MAX_UPLOADS = 8;

export class Upload {
  private readonly files: IncomingFile[];
  readonly totalBytes: number;

  constructor(files: readonly { name: string; size: number }[]) {
    this.files = files.map((f) => ({
      name: f.name,
      size: f.size,
      refusal: refusalOf(f),
      received: 0,
      parts: [],
      // fatal: a byte sequence that is not UTF-8 is refused, never turned into U+FFFD.
      decoder: new TextDecoder('utf-8', { fatal: true }),
      notUtf8: false,
      ...(isScanName(f.name) ? { bytes: [] } : {}),
    }));
    this.totalBytes = this.files.reduce((sum, f) => sum + (f.refusal ? 0 : f.size), 0);
  }

  /** The files refused already (by kind or size), by their place in the list: send none of their bytes. */
  get refused(): number[] {
    return this.files.flatMap((f, i) => (f.refusal ? [i] : []));
  }

  /** The files' names, in the order they were announced (the report's order). */
  get names(): string[] {
    return this.files.map((f) => f.name);
  }

  get receivedBytes(): number {
    return this.files.reduce((sum, f) => sum + f.received, 0);
  }

  /** The next bytes of file `index`; returns the bytes received of all files so far. */
  add(index: number, bytes: Uint8Array): number {
    const file = this.files[index];
    if (!file) throw badRequest(`no file ${index} in this import`);
    if (file.refusal) throw badRequest(`${file.name} is not part of this import`);
    if (file.received + bytes.byteLength > file.size) throw badRequest(`${file.name} is larger than announced`);
    file.received += bytes.byteLength;
    if (file.bytes) file.bytes.push(bytes.slice());
    else if (!file.notUtf8) {
      try {
        file.parts.push(file.decoder.decode(bytes, { stream: file.received < file.size }));
      } catch {
        file.notUtf8 = true; // said at the end, with the file's name; the rest is not decoded
        file.parts = [];
      }
    }
    return this.receivedBytes;
  }

  /**
   * The files' text, and the scans' bytes, once every byte has come; each file refused (kind, size,
   * not UTF-8) by name.
   */
  finish(): ReceivedFiles {
    const received: ReceivedFiles = { files: [], scans: [], refused: [] };
    for (const file of this.files) {
      if (file.refusal) {
        received.refused.push({ file: file.name, error: file.refusal });
        continue;
      }
      if (file.received !== file.size) throw badRequest(`${file.name}: ${file.received} of ${file.size} bytes came`);
      if (file.bytes) {
        received.scans.push({ name: file.name, bytes: Buffer.concat(file.bytes) });
        continue;
      }
      if (file.notUtf8) {
        const error = { code: 'unreadableFile' as const, params: { file: file.name, detail: 'detail.notUtf8' } };
        received.refused.push({ file: file.name, error });
        continue;
      }
      if (file.size === 0) file.parts.push(file.decoder.decode());
      received.files.push({ name: file.name, content: file.parts.join('') });
    }
    return received;
  }
}

/** The uploads in progress, by task id. */
export class Uploads {
  private readonly byTask = new Map<string, Upload>();

  /** `dropped`: told the task of an upload dropped to make room. */
  constructor(private readonly dropped: (task: string) => void = () => {}) {}

  begin(task: string, files: readonly { name: string; size: number }[]): Upload {
    if (this.byTask.has(task)) throw badRequest(`import ${task} has begun already`);
    if (this.byTask.size >= MAX_UPLOADS) {
      const oldest = this.byTask.keys().next().value!;
      this.byTask.delete(oldest);
      this.dropped(oldest);
    }
    const upload = new Upload(files);
    this.byTask.set(task, upload);
    return upload;
  }

  get(task: string): Upload | undefined {
    return this.byTask.get(task);
  }

  /** Forgets the upload (finished or cancelled); its text is no longer held. */
  end(task: string): Upload | undefined {
    const upload = this.byTask.get(task);
    this.byTask.delete(task);
    return upload;
  }
}

function badRequest(detail: string): ArchiveError {
  return new ArchiveError({ code: 'badRequest', params: { detail } });
}
