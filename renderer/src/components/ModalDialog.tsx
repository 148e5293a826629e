// A <dialog> shown as a modal while mounted (use-modal-dialog.ts), named by its heading; Escape
// calls onClose instead of closing it behind React's back, so the component that owns it decides.
import { useRef, type ReactNode } from 'react';
import { useModalDialog } from '../hooks/use-modal-dialog.ts';

interface Props {
  className: string;
  /** The id of the element that names the dialog (its heading, or a question). */
  labelledBy: string;
  testId?: string;
  onClose(): void;
  children: ReactNode;
}

export function ModalDialog({ className, labelledBy, testId, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref);
  return (
    <dialog
      ref={ref}
      className={className}
      data-testid={testId}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
