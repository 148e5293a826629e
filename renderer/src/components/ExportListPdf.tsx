// Under the search box: a PDF of what the list shows, the search results or the whole archive.
import { useTranslation } from 'react-i18next';
import { searchResultsSelection } from '../hooks/use-pdf-export.ts';
import { ExportPdfButton } from './ExportPdfButton.tsx';

interface Props {
  query: string;
  /** How many clippings the list shows; undefined while not known yet. */
  count: number | undefined;
  /** The search's results in the list's order, all of them (the search worker ranks them). */
  resultIds(): Promise<string[]>;
}

export function ExportListPdf({ query, count, resultIds }: Props) {
  const { t } = useTranslation();
  const searching = query.trim() !== '';
  const known = count ?? 0;
  return (
    <ExportPdfButton
      selection={
        // The list's own ranking (its sort, search as you type), so the PDF holds what the list shows.
        searching ? async () => searchResultsSelection(query.trim(), await resultIds()) : { all: true }
      }
      label={searching ? t('pdf.listResults') : t('pdf.listAll')}
      description={
        searching ? t('pdf.exportResults', { count: known, query: query.trim() }) : t('pdf.exportAll', { count: known })
      }
      testId="export-pdf-list"
      disabled={known === 0}
    />
  );
}
