// A backup of the whole archive (the trash too) as one file the user keeps where they like, and
// restoring from such a file after a confirmation; the archive as it was is kept as a snapshot.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { saveDownload } from '../export/save-download.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

export function BackupFileControls({ onRestored }: { onRestored(): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<File>();
  const [error, setError] = useState<ErrorInfo>();
  const [notice, setNotice] = useState<string>();
  const [working, setWorking] = useState(false);

  const backUp = async () => {
    setError(undefined);
    try {
      const file = await archiveClient.backupFile();
      saveDownload(file.fileName, new TextEncoder().encode(file.content), file.mimeType);
    } catch (e) {
      setError(errorInfoOf(e));
    }
  };

  const restore = async (file: File) => {
    setPending(undefined);
    setWorking(true);
    setError(undefined);
    try {
      const content = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      const { restored } = await archiveClient.restoreFile(file.name, content);
      setNotice(t('backupFile.restored', { count: restored }));
      onRestored();
    } catch (e) {
      setError(
        e instanceof TypeError
          ? { code: 'unreadableFile', params: { file: file.name, detail: 'detail.notUtf8' } }
          : errorInfoOf(e),
      );
    } finally {
      setWorking(false);
    }
  };

  return (
    <fieldset className="backup-file">
      <legend>{t('backupFile.heading')}</legend>
      <p className="field-hint">{t('backupFile.hint')}</p>
      <div className="form-actions">
        <button type="button" data-testid="backup-to-file" onClick={() => void backUp()}>
          {t('backupFile.save')}
        </button>
        <button type="button" data-testid="restore-from-file" disabled={working} onClick={() => input.current?.click()}>
          {t('backupFile.restore')}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".json"
        hidden
        data-testid="restore-file-input"
        onChange={(e) => {
          setPending(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {notice && !error && <p role="status">{notice}</p>}
      {error && <ErrorMessage error={error} />}
      {pending && (
        <ConfirmDialog
          testId="restore-file-dialog"
          message={t('backupFile.restoreConfirm', { file: pending.name })}
          confirmLabel={t('backupFile.restoreDo')}
          onConfirm={() => void restore(pending)}
          onCancel={() => setPending(undefined)}
        />
      )}
    </fieldset>
  );
}
