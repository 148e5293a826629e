// The size limit of a PDF export, apart from the zod schemas of its options so that the renderer
// can check a selection before asking, without bundling zod.

/** More than this many clippings in one PDF is refused: narrow the search or export in parts. */
export const MAX_PDF_ENTRIES = 2000;
