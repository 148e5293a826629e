// A modal question with a cancel and a (dangerous) confirm button; Escape cancels.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  message: string;
  confirmLabel: string;
  testId: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ message, confirmLabel, testId, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <p>{message}</p>
      <div className="form-actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button type="button" className="danger primary" data-testid={`${testId}-confirm`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
