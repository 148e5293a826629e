// Counts of the matches by publication, tag and year; a click keeps only those (it adds the field
// clause to the query, so the box always says what is searched), a second click takes it out.
import { useTranslation } from 'react-i18next';
import type { FacetCount, Facets as FacetCounts } from '../../../archive/search/engine.ts';
import { dateOf, fieldClause, hasClause, toggleClause, withDate } from '../../../archive/search/query-edit.ts';
import { langOf } from './lang-of.ts';

interface Props {
  facets: FacetCounts;
  query: string;
  onQuery(query: string): void;
}

export function Facets({ facets, query, onQuery }: Props) {
  const { t } = useTranslation();
  const date = dateOf(query);
  const groups: { field: 'publication' | 'tag' | 'year'; label: string; values: FacetCount[] }[] = [
    { field: 'publication', label: t('search.facetPublication'), values: facets.publication },
    { field: 'tag', label: t('search.facetTag'), values: facets.tag },
    { field: 'year', label: t('search.facetYear'), values: facets.year },
  ];
  return (
    <div className="facets">
      {groups
        .filter((g) => g.values.length > 0)
        .map((group) => (
          <div key={group.field} className="facet-group" role="group" aria-label={group.label}>
            <span className="facet-label">{group.label}</span>
            <div className="facet-values">
              {group.values.map(({ value, count }) => {
                const clause = group.field === 'year' ? undefined : fieldClause(group.field, value);
                const active = clause ? hasClause(query, clause) : date === value;
                const toggle = () =>
                  onQuery(clause ? toggleClause(query, clause) : withDate(query, active ? undefined : value));
                return (
                  <button
                    key={value}
                    type="button"
                    className="facet"
                    data-testid="facet"
                    data-field={group.field}
                    data-value={value}
                    aria-pressed={active}
                    onClick={toggle}
                  >
                    {/* The name is the visible text ("दैनिक जागरण 1"), then what the number counts. */}
                    <span className="facet-value" lang={langOf(value)}>
                      {value}
                    </span>{' '}
                    <span className="facet-count">{count.toLocaleString()}</span>
                    <span className="visually-hidden"> {t('search.facetCount', { count })}</span>
                  </button>
                );
              })}
            </div>
          </div>
        ))}
    </div>
  );
}
