// The reader's own buttons: edit the open clipping, or move it to the trash.
import { useTranslation } from 'react-i18next';

interface Props {
  busy: boolean;
  onEdit(): void;
  onTrash(): void;
}

export function ReaderActions({ busy, onEdit, onTrash }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" data-testid="edit-clipping" onClick={onEdit}>
        {t('edit.open')}
      </button>
      <button
        type="button"
        className="danger"
        data-testid="trash-clipping"
        // aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page.
        aria-disabled={busy || undefined}
        onClick={() => !busy && onTrash()}
      >
        {t('trash.move')}
      </button>
    </>
  );
}
