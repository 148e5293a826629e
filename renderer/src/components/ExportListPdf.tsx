// Under the search box: a PDF of what the list shows, the search results or the whole archive.
import { useTranslation } from 'react-i18next';
import { ExportPdfButton } from './ExportPdfButton.tsx';

interface Props {
  query: string;
  /** How many clippings the list shows; undefined while not known yet. */
  count: number | undefined;
}

export function ExportListPdf({ query, count }: Props) {
  const { t } = useTranslation();
  const searching = query.trim() !== '';
  const known = count ?? 0;
  return (
    <ExportPdfButton
      selection={searching ? { query: query.trim() } : { all: true }}
      label={searching ? t('pdf.listResults') : t('pdf.listAll')}
      description={
        searching ? t('pdf.exportResults', { count: known, query: query.trim() }) : t('pdf.exportAll', { count: known })
      }
      testId="export-pdf-list"
      disabled={known === 0}
    />
  );
}
