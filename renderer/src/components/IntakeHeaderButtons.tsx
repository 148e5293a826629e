// Header buttons for intake and curation: import, export, and the trash toggle.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  importButton: ReactNode;
  showTrash: boolean;
  onToggleTrash(): void;
  onExport(): void;
  onTags(): void;
}

export function IntakeHeaderButtons({ importButton, showTrash, onToggleTrash, onExport, onTags }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {importButton}
      <button type="button" data-testid="export-data" onClick={onExport}>
        {t('intake.export')}
      </button>
      <button type="button" data-testid="rename-tags" onClick={onTags}>
        {t('intake.tags')}
      </button>
      <button type="button" data-testid="show-trash" aria-pressed={showTrash} onClick={onToggleTrash}>
        {showTrash ? t('intake.showArchive') : t('intake.showTrash')}
      </button>
    </>
  );
}
