import { useTranslation } from 'react-i18next';

interface Props {
  query: string;
  /** Number of matches, or of clippings without a query; undefined while not known yet. */
  count: number | undefined;
  searching: boolean;
  /** The search index is still being made (the first time for an archive, or after many changes). */
  preparing?: boolean;
}

export function ResultCount({ query, count, searching, preparing = false }: Props) {
  const { t } = useTranslation();
  const active = query.trim() !== '';
  let text: string;
  if (count === undefined && active && preparing) text = t('count.preparing');
  else if (count === undefined) text = t(active || searching ? 'count.searching' : 'count.loading');
  else if (active) text = t('count.results', { count, query: query.trim() });
  else text = t('count.clippings', { count });
  return (
    <p className="result-count" data-testid="result-count" role="status" aria-live="polite">
      {text}
    </p>
  );
}
