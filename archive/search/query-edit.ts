// Editing a query as text, for the UI: a facet click adds or removes `publication:"…"`, the
// timeline sets `date:…`. The query stays the one place a search is described (what the box shows,
// what is saved, what the command line accepts).
import type { FieldName } from './query.ts';

/** The parts of a query as written: runs of non-space, quotes kept together. */
export function queryParts(query: string): string[] {
  return query.match(/(?:[^\s"“”]+|"[^"]*"?|“[^”]*”?|”)+/g) ?? [];
}

/** A field clause as the UI writes it: field:"value" (quoted, so spaces and dashes stay in it). */
export function fieldClause(field: FieldName | 'date', value: string): string {
  if (field === 'date') return `date:${value}`;
  return `${field}:"${value.replace(/["“”]/g, '')}"`;
}

export function hasClause(query: string, clause: string): boolean {
  return queryParts(query).includes(clause);
}

/** Adds the clause at the end, or takes it out if it is there. */
export function toggleClause(query: string, clause: string): string {
  const parts = queryParts(query);
  const kept = parts.filter((p) => p !== clause);
  if (kept.length === parts.length) kept.push(clause);
  return kept.join(' ');
}

/** The query with its date: clauses replaced by this one (or removed). */
export function withDate(query: string, value: string | undefined): string {
  const kept = queryParts(query).filter((p) => !/^-?(date|तारीख़?|तिथि|दिनांक):/u.test(p));
  if (value !== undefined) kept.push(fieldClause('date', value));
  return kept.join(' ');
}

/** The value of the query's (first) date: clause, if any. */
export function dateOf(query: string): string | undefined {
  const part = queryParts(query).find((p) => /^(date|तारीख़?|तिथि|दिनांक):/u.test(p));
  return part?.slice(part.indexOf(':') + 1);
}
