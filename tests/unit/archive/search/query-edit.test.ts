import { describe, expect, it } from 'vitest';
import {
  dateOf,
  fieldClause,
  hasClause,
  queryParts,
  toggleClause,
  withDate,
} from '../../../../archive/search/query-edit.ts';
import { parseQuery } from '../../../../archive/search/query.ts';

describe('query editing for facets and the timeline', () => {
  it('splits a query into its written parts, quotes together', () => {
    expect(queryParts('कानपुर publication:"अमर उजाला"  -"जन संवाद" date:2024')).toEqual([
      'कानपुर',
      'publication:"अमर उजाला"',
      '-"जन संवाद"',
      'date:2024',
    ]);
  });

  it('adds a facet clause, and takes it out again', () => {
    const clause = fieldClause('publication', 'अमर उजाला');
    const added = toggleClause('कानपुर', clause);
    expect(added).toBe('कानपुर publication:"अमर उजाला"');
    expect(hasClause(added, clause)).toBe(true);
    expect(toggleClause(added, clause)).toBe('कानपुर');
    const parsed = parseQuery(added);
    expect(parsed.ok && parsed.query.clauses[1]!.alternatives[0]!.field).toBe('publication');
  });

  it('sets, replaces and removes the date', () => {
    expect(withDate('बाढ़ date:2020', '2023-01..2023-06')).toBe('बाढ़ date:2023-01..2023-06');
    expect(withDate('बाढ़ date:2020', undefined)).toBe('बाढ़');
    expect(dateOf('बाढ़ date:2023-01..2023-06')).toBe('2023-01..2023-06');
    expect(dateOf('बाढ़')).toBeUndefined();
    expect(dateOf('बाढ़ तिथि:2023')).toBe('2023');
    expect(withDate('बाढ़ तिथि:2023', undefined)).toBe('बाढ़');
  });
});
