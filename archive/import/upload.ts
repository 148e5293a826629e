// Files on their way in, piece by piece (importBegin, importChunk, importFinish): the archive
// decodes the bytes as they come, so the page sending them never holds or decodes a whole file.
// A piece must come in order and a file may not grow past the size it was announced with. A scan
// (an image, by its name) is kept as bytes for OCR instead.
import { MAX_IMPORT_BYTES, fileTooLarge, type ImportFile } from '../api.ts';
import { ArchiveError } from '../errors.ts';
import { isScanName, type ScanFile } from '../scans/intake.ts';

interface IncomingFile {
  name: string;
  size: number;
  received: number;
  parts: string[];
  decoder: TextDecoder;
  notUtf8: boolean;
  /** The bytes of a scan, as they came. */
  bytes?: Uint8Array[];
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
    for (const file of files) {
      // Refused before a byte is sent, as the CLI refuses before reading.
      if (file.size > MAX_IMPORT_BYTES) throw new ArchiveError(fileTooLarge(file.name, file.size));
    }
    this.files = files.map((f) => ({
      name: f.name,
      size: f.size,
      received: 0,
      parts: [],
      // fatal: a byte sequence that is not UTF-8 is refused, never turned into U+FFFD.
      decoder: new TextDecoder('utf-8', { fatal: true }),
      notUtf8: false,
      ...(isScanName(f.name) ? { bytes: [] } : {}),
    }));
    this.totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  }

  get receivedBytes(): number {
    return this.files.reduce((sum, f) => sum + f.received, 0);
  }

  /** The next bytes of file `index`; returns the bytes received of all files so far. */
  add(index: number, bytes: Uint8Array): number {
    const file = this.files[index];
    if (!file) throw badRequest(`no file ${index} in this import`);
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
   * The files' text, and the scans' bytes, once every byte has come; a text file that is not UTF-8
   * is refused by name.
   */
  finish(): { files: ImportFile[]; scans: ScanFile[] } {
    const files: ImportFile[] = [];
    const scans: ScanFile[] = [];
    for (const file of this.files) {
      if (file.received !== file.size) throw badRequest(`${file.name}: ${file.received} of ${file.size} bytes came`);
      if (file.bytes) {
        scans.push({ name: file.name, bytes: Buffer.concat(file.bytes) });
        continue;
      }
      if (file.notUtf8) throw new ArchiveError({ code: 'notUtf8', params: { file: file.name } });
      if (file.size === 0) file.parts.push(file.decoder.decode());
      files.push({ name: file.name, content: file.parts.join('') });
    }
    return { files, scans };
  }
}

/** The uploads in progress, by task id. */
export class Uploads {
  private readonly byTask = new Map<string, Upload>();

  begin(task: string, files: readonly { name: string; size: number }[]): Upload {
    if (this.byTask.has(task)) throw badRequest(`import ${task} has begun already`);
    if (this.byTask.size >= MAX_UPLOADS) this.byTask.delete(this.byTask.keys().next().value!);
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
