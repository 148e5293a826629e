// Header buttons that act on the whole archive: import, export, tags, and the trash toggle.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  importButton: ReactNode;
  showTrash: boolean;
  onToggleTrash(): void;
  onExport(): void;
  onTags(): void;
}

export function ArchiveButtons({ importButton, showTrash, onToggleTrash, onExport, onTags }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {importButton}
      <button type="button" data-testid="export-data" onClick={onExport}>
        {t('export.open')}
      </button>
      <button type="button" data-testid="rename-tags" onClick={onTags}>
        {t('tags.open')}
      </button>
      <button type="button" data-testid="show-trash" aria-pressed={showTrash} onClick={onToggleTrash}>
        {showTrash ? t('trash.backToArchive') : t('trash.show')}
      </button>
    </>
  );
}
