import { useTranslation } from 'react-i18next';

interface Props {
  query: string;
  /** Number of matches, or of clippings without a query; undefined while not known yet. */
  count: number | undefined;
  searching: boolean;
}

export function ResultCount({ query, count, searching }: Props) {
  const { t } = useTranslation();
  const active = query.trim() !== '';
  let text: string;
  if (count === undefined) text = t(active || searching ? 'count.searching' : 'count.loading');
  else if (active) text = t('count.results', { count, query: query.trim() });
  else text = t('count.clippings', { count });
  return (
    <p className="result-count" data-testid="result-count" role="status" aria-live="polite">
      {text}
    </p>
  );
}
