// The whole archive as one JSON document: every clipping not in the trash, with its text, newest
// first. Plain Node, no Electron: the desktop menu and anything else can use it.
import type { Clipping } from '../clipping.ts';

/** What an export reads: the list (without text), then each clipping whole. */
export interface JsonExportSource {
  list(input: { trash: boolean }): Promise<readonly { id: string }[]>;
  get(input: { id: string }): Promise<Clipping>;
}

export async function exportClippings(service: JsonExportSource): Promise<Clipping[]> {
  const summaries = await service.list({ trash: false });
  const clippings: Clipping[] = [];
  for (const summary of summaries) {
    const clipping = await service.get({ id: summary.id });
    // Trashed meanwhile (the list and the reads are separate calls): leave it out.
    if (clipping.deletedAt === undefined) clippings.push(clipping);
  }
  return clippings;
}

/** Pretty-printed JSON array (2-space indent, trailing newline), re-importable with `import`. */
export function clippingsToJson(clippings: readonly Clipping[]): string {
  return `${JSON.stringify(clippings, null, 2)}\n`;
}

export async function exportArchiveJson(service: JsonExportSource): Promise<string> {
  return clippingsToJson(await exportClippings(service));
}
