// A modal question with a cancel and a (dangerous) confirm button; Escape cancels.
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/use-modal-dialog.ts';

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
  const messageId = useId();
  useModalDialog(ref);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      data-testid={testId}
      // The question is the dialog's name: a screen reader says it on opening.
      aria-labelledby={messageId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
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
    </dialog>
  );
}
