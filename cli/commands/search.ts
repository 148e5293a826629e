import { oneLine } from '../terminal-text.ts';
import { highlighterFor, toGuillemets } from '../../archive/search/highlight.ts';
import { openSearchIndex } from '../../archive/search/index-file.ts';
import { formatQueryError } from '../../archive/search/query-messages.ts';
import { SORTS, type SortOrder } from '../../archive/search/query.ts';
import { UsageError, err, io, lang, openArchive, out, parse, printJson, type Command } from '../context.ts';

/**
 * search QUERY [--limit N] [--sort relevance|newest|oldest] [--json]: the query language of the
 * search box (README), snippets with each match in «…». The index is kept in the user's cache
 * folder and brought up to date on each call (archive/search/index-file.ts).
 */
export const search: Command = async (args) => {
  const { values, positionals } = parse(args, { limit: { type: 'string' }, sort: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('search needs a QUERY');
  const query = positionals.join(' ');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  if (values.sort !== undefined && !(SORTS as readonly string[]).includes(values.sort)) {
    throw new UsageError(`--sort must be one of ${SORTS.join(', ')}`);
  }
  const service = await openArchive(values.archive);
  const { engine } = await openSearchIndex(service, io().env);
  const result = engine.search(query, { limit, sort: values.sort as SortOrder | undefined });
  if (!result.ok) {
    err(`press-archive: ${formatQueryError(result.error, lang())}`);
    return 1;
  }
  const highlighter = highlighterFor(query);
  const hits = [];
  for (const hit of result.hits) {
    const clipping = await service.get({ id: hit.id });
    hits.push({
      id: hit.id,
      title: clipping.title,
      publication: clipping.publication ?? null,
      date: clipping.date ?? null,
      score: hit.score,
      snippet: toGuillemets(highlighter.snippet(clipping.body)),
    });
  }
  if (values.json) {
    printJson({ query, total: result.total, hits });
    return 0;
  }
  out(`${result.total} ${result.total === 1 ? 'clipping' : 'clippings'}`);
  for (const h of hits) out(`${h.id}\t${oneLine(h.title)}\n    ${oneLine(h.snippet)}`);
  return 0;
};
