// An export written to a file, for the CLI and the desktop menu: every clipping not in the trash,
// in one of the export formats, written beside the target, flushed to disk and renamed into place,
// so a failed or interrupted export never leaves half a file. (The app's own export dialog gets
// the same text from the service's exportData and saves it as a download.)
import { writeFileDurably } from '../storage/durable-json-file.ts';
import { serializeClippings, type ExportFormat } from './formats.ts';
import { exportClippings, type JsonExportSource } from './json.ts';

/** Writes the export and gives the number of clippings in it. */
export async function exportToFile(source: JsonExportSource, format: ExportFormat, path: string): Promise<number> {
  const clippings = await exportClippings(source);
  await writeFileDurably(path, serializeClippings(clippings, format));
  return clippings.length;
}
