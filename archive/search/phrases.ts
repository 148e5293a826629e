// Runs of words read off the forward index: phrases ("words one after another", in the title, the
// text or a metadata field) and the words of a hit's title to show marked.
import type { Level } from './analyze.ts';
import { VarintReader } from './byte-pool.ts';
import { segmentsOf, type Segment } from './highlight.ts';
import { pick, type Matches } from './matches.ts';
import type { QueryTerm } from './query.ts';
import { LIST_FIELD, META_FIELDS, SEPARATOR, decodeVarints, type SearchIndex } from './search-index.ts';
import { tokenize } from './tokenize.ts';

/** The words to mark in titles: the index words of each query word, and whether they form a phrase. */
export type TitleMarks = { expansions: Map<number, Level>[]; phrase: boolean }[];

/** Keeps the documents where the phrase's words follow each other (in the title, text, or a field). */
export function keepPhrases(
  ix: SearchIndex,
  matches: Matches,
  expansions: Map<number, Level>[],
  field: QueryTerm['field'],
): Matches {
  const keep: number[] = [];
  const metaFields = field === undefined ? META_FIELDS : field === 'title' ? [] : [field];
  const metaValues = metaFields.map((f) => ({
    field: f,
    ok: ix.fields[f].words.map((ws) => containsRun(ws, expansions)),
  }));
  for (let i = 0; i < matches.docs.length; i++) {
    const doc = matches.docs[i]!;
    let found = false;
    if (field === undefined || field === 'title') {
      found = forwardHasRun(ix.forwardOf(doc), expansions, field === 'title');
    }
    for (const { field: f, ok } of metaValues) {
      if (found) break;
      if (f === LIST_FIELD) found = ix.tagsOf(doc).some((t) => ok[t] === true);
      else found = ok[ix.values[f][doc]!] === true;
    }
    if (found) keep.push(i);
  }
  return pick(matches, keep);
}

/**
 * A hit's title with its matches marked, read off the forward index (the title's words are
 * already analyzed there), so marking costs no analysis: the same words highlight.ts would mark.
 */
export function markTitle(ix: SearchIndex, doc: number, marks: TitleMarks): Segment[] {
  const title = ix.titles[doc]!;
  const tokens = tokenize(title);
  const ids = titleIdsOf(ix.forwardOf(doc));
  const marked = new Uint8Array(tokens.length);
  if (ids.length === tokens.length) {
    for (const { expansions } of marks) {
      for (let i = 0; i + expansions.length <= ids.length; i++) {
        if (expansions.every((e, j) => e.has(ids[i + j]!))) marked.fill(1, i, i + expansions.length);
      }
    }
  }
  return segmentsOf(title, tokens, marked);
}

/** Is there a run of consecutive words matching the phrase's words, in the title (or the text)? */
function forwardHasRun(bytes: Uint8Array, expansions: Map<number, Level>[], titleOnly: boolean): boolean {
  return containsRun(titleOnly ? titleIdsOf(bytes) : decodeVarints(bytes), expansions);
}

/** The title's word ids of a forward entry (the text after it is not read). */
function titleIdsOf(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  for (const reader = new VarintReader(bytes); !reader.done;) {
    const id = reader.next();
    if (id === SEPARATOR) break;
    ids.push(id);
  }
  return ids;
}

function containsRun(ids: readonly number[], expansions: Map<number, Level>[]): boolean {
  outer: for (let i = 0; i + expansions.length <= ids.length; i++) {
    for (let j = 0; j < expansions.length; j++) if (!expansions[j]!.has(ids[i + j]!)) continue outer;
    return true;
  }
  return false;
}
