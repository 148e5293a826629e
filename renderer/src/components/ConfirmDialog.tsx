// A modal question with a cancel and a (dangerous) confirm button; Escape cancels.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog.tsx';

interface Props {
  message: string;
  confirmLabel: string;
  testId: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ message, confirmLabel, testId, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const messageId = useId();
  return (
    <ModalDialog
      className="confirm-dialog"
      testId={testId}
      // The question is the dialog's name: a screen reader says it on opening.
      labelledBy={messageId}
      onClose={onCancel}
    >
      <p id={messageId}>{message}</p>
      <div className="form-actions">
        <button type="button" autoFocus onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button type="button" className="danger primary" data-testid={`${testId}-confirm`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
