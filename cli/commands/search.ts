import { SearchEngine } from '../../archive/search/engine.ts';
import { toGuillemets } from '../../archive/search/highlight.ts';
import { UsageError, openArchive, out, parse, printJson, type Command } from '../context.ts';

/** search QUERY [--limit N] [--json]: snippets with each match in «…». */
export const search: Command = async (args) => {
  const { values, positionals } = parse(args, { limit: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('search needs a QUERY');
  const query = positionals.join(' ');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  const service = await openArchive(values.archive);
  const engine = new SearchEngine();
  for (const doc of await service.searchCorpus()) engine.put(doc);
  const result = engine.search(query, limit);
  const hits = result.hits.map((hit) => {
    const doc = engine.doc(hit.id)!;
    return {
      id: hit.id,
      title: doc.title,
      publication: doc.publication ?? null,
      date: doc.date ?? null,
      score: hit.score,
      snippet: toGuillemets(hit.snippet),
    };
  });
  if (values.json) {
    printJson({ query, total: result.total, hits });
    return 0;
  }
  out(`${result.total} ${result.total === 1 ? 'clipping' : 'clippings'}`);
  for (const h of hits) out(`${h.id}\t${h.title}\n    ${h.snippet}`);
  return 0;
};
