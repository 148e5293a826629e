import { textDigest } from '../storage/checksums.ts';

/**
 * Same web address or same text (ignoring spacing) counts as already archived. The stored clippings
 * come as their summaries, whose digest of the text was computed when they were written.
 */
export class DuplicateFilter {
  private readonly urls = new Set<string>();
  private readonly texts = new Set<string>();

  constructor(existing: readonly { url?: string | undefined; digest: string }[]) {
    for (const { url, digest } of existing) {
      if (url !== undefined) this.urls.add(url);
      this.texts.add(digest);
    }
  }

  isDuplicate(record: { url?: string | undefined; body: string }): boolean {
    return (record.url !== undefined && this.urls.has(record.url)) || this.texts.has(textDigest(record.body));
  }

  remember(record: { url?: string | undefined; body: string }): void {
    if (record.url !== undefined) this.urls.add(record.url);
    this.texts.add(textDigest(record.body));
  }
}
