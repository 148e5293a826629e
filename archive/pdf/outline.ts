// The PDF outline (bookmarks), read and written with pdf-lib's object layer (it has no outline API).
// Reading: the engine's outline of a printed part, made from the <h1> of each clipping, tells on
// which page each clipping starts. Writing: one bookmark per clipping in the finished PDF.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFDocument } from 'pdf-lib';

export interface OutlineTarget {
  /** Page index (0-based) in the document. */
  page: number;
  /** Height on the page in PDF points from the bottom, when known. */
  top?: number;
}

export interface OutlineItem extends OutlineTarget {
  title: string;
}

/** The targets of the top-level outline items, in order. */
export function readTopLevelOutline(doc: PDFDocument): OutlineTarget[] {
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const targets: OutlineTarget[] = [];
  let item = root?.lookupMaybe(PDFName.of('First'), PDFDict);
  const seen = new Set<PDFDict>();
  while (item && !seen.has(item)) {
    seen.add(item);
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const pageRef = dest?.get(0);
    const page = pageRef instanceof PDFRef ? pageIndex.get(pageRef.toString()) : undefined;
    if (page === undefined) throw new Error('the printed outline has an item without a page');
    const top = dest?.lookupMaybe(3, PDFNumber)?.asNumber();
    targets.push(top === undefined ? { page } : { page, top });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return targets;
}

/** Replaces the document's outline with these items, all at the top level, and opens it on view. */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  const context = doc.context;
  doc.catalog.delete(PDFName.of('Outlines'));
  if (items.length === 0) return;
  const rootRef = context.nextRef();
  const refs = items.map(() => context.nextRef());
  items.forEach((item, i) => {
    const page = doc.getPage(item.page);
    const dest = context.obj([page.ref, 'XYZ', null, item.top ?? page.getHeight(), null]);
    const dict = context.obj({ Title: PDFHexString.fromText(item.title), Parent: rootRef, Dest: dest });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, dict);
  });
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: items.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
