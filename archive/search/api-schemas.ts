// The search parts of the API (declared in api.ts from these): snippets of the rows on screen, and
// the saved searches kept in the archive folder.
import { z } from 'zod';
import { ClippingIdSchema } from '../clipping.ts';
import { SORTS } from './query.ts';

export const MAX_SNIPPET_IDS = 200;
export const MAX_QUERY_LENGTH = 2000;
export const MAX_SAVED_SEARCHES = 200;

export const SegmentSchema = z.object({ text: z.string(), match: z.boolean() });

export const SnippetsInputSchema = z.strictObject({
  ids: z.array(ClippingIdSchema).max(MAX_SNIPPET_IDS),
  /** The query as typed; '' gives the opening lines. */
  query: z.string().max(MAX_QUERY_LENGTH),
  typing: z.boolean().optional(),
});

export const SnippetsSchema = z.array(z.object({ id: z.string(), snippet: z.array(SegmentSchema) }));

export const SavedSearchSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  query: z.string().max(MAX_QUERY_LENGTH),
  sort: z.enum(SORTS).optional(),
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

export const SavedSearchesSchema = z.array(SavedSearchSchema).max(MAX_SAVED_SEARCHES);

export const SaveSearchesInputSchema = z.strictObject({ searches: SavedSearchesSchema });
