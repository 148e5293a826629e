// Counts of the matches by the declaration's facet fields (publication, tag) and by year; a click keeps only those (it adds the field
// clause to the query, so the box always says what is searched), a second click takes it out.
// Rendered at every answer: each button is drawn again only when its value, count or state
// changes, the query is split once per render, and the buttons ask i18next nothing themselves.
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FACET_FIELDS, type FacetKey } from '../../../archive/clipping-fields.ts';
import type { FacetCount, Facets as FacetCounts } from '../../../archive/search/engine.ts';
import { dateOf, fieldClause, queryParts, toggleClause, withDate } from '../../../archive/search/query-edit.ts';
import { langOf } from './lang-of.ts';

type FacetField = FacetKey | 'year';
const FACET_GROUPS: readonly FacetField[] = [...FACET_FIELDS, 'year'];

interface Props {
  facets: FacetCounts;
  query: string;
  onQuery(query: string): void;
}

/** The counts as toLocaleString() writes them, with one formatter instead of one per call. */
const COUNT_FORMAT = new Intl.NumberFormat();

export function Facets({ facets, query, onQuery }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // Made once per language, not at every keystroke's render.
  const countWord = useMemo(() => countWords(t, language), [t, language]);
  const date = dateOf(query);
  const parts = useMemo(() => new Set(queryParts(query)), [query]);
  // The toggle reads the query at the click, so the buttons need not be drawn again per keystroke.
  const current = useRef(query);
  useLayoutEffect(() => {
    current.current = query;
  }, [query]);
  const toggle = useCallback(
    (field: FacetField, value: string, active: boolean) => {
      const query = current.current;
      onQuery(
        field === 'year' ? withDate(query, active ? undefined : value) : toggleClause(query, fieldClause(field, value)),
      );
    },
    [onQuery],
  );
  const groups: { field: FacetField; label: string; values: FacetCount[] }[] = FACET_GROUPS.map((field) => ({
    field,
    label: t(`search.facet.${field}`),
    values: facets[field],
  }));
  return (
    <div className="facets">
      {groups
        .filter((g) => g.values.length > 0)
        .map((group) => (
          <div key={group.field} className="facet-group" role="group" aria-label={group.label}>
            <span className="facet-label">{group.label}</span>
            <div className="facet-values">
              {group.values.map(({ value, count }) => (
                <FacetButton
                  key={value}
                  field={group.field}
                  value={value}
                  count={count}
                  countWord={countWord(count)}
                  active={group.field === 'year' ? date === value : parts.has(fieldClause(group.field, value))}
                  onToggle={toggle}
                />
              ))}
            </div>
          </div>
        ))}
    </div>
  );
}

/**
 * "clipping" or "clippings" for a count, as i18next's plural forms say it: the word differs only
 * by plural category, so i18next is asked once per category, not once per button.
 */
function countWords(t: TFunction, language: string): (count: number) => string {
  const rules = new Intl.PluralRules(language);
  const byCategory = new Map<string, string>();
  return (count) => {
    const category = rules.select(count);
    let word = byCategory.get(category);
    if (word === undefined) byCategory.set(category, (word = t('search.facetCount', { count })));
    return word;
  };
}

interface ButtonProps {
  field: FacetField;
  value: string;
  count: number;
  /** What the count counts, for screen readers ("clippings"). */
  countWord: string;
  active: boolean;
  onToggle(field: FacetField, value: string, active: boolean): void;
}

const FacetButton = memo(function FacetButton({ field, value, count, countWord, active, onToggle }: ButtonProps) {
  const shownCount = COUNT_FORMAT.format(count);
  return (
    <button
      type="button"
      className="facet"
      data-testid="facet"
      data-field={field}
      data-value={value}
      aria-pressed={active}
      // The name is the visible text ("दैनिक जागरण 1"), then what the number counts. A label, not a
      // hidden span: the dozens of absolutely placed spans cost each answer a few ms of layout.
      aria-label={`${value} ${shownCount} ${countWord}`}
      onClick={() => onToggle(field, value, active)}
    >
      <span className="facet-value" lang={langOf(value)}>
        {value}
      </span>{' '}
      <span className="facet-count">{shownCount}</span>
    </button>
  );
});
