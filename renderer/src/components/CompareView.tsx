// Two clippings side by side in a dialog, to judge whether one is a copy of the other. Words that
// the other text does not have are marked, so the edits between two versions of a story stand out.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ModalDialog } from './ModalDialog.tsx';

interface Props {
  left: Clipping;
  otherId: string;
  onClose(): void;
}

export function CompareView({ left, otherId, onClose }: Props) {
  const { t } = useTranslation();
  const [right, setRight] = useState<Clipping>();
  const [error, setError] = useState<ErrorInfo>();

  useEffect(() => {
    archiveClient.get(otherId).then(setRight, (e: unknown) => setError(errorInfoOf(e)));
  }, [otherId]);

  return (
    <ModalDialog className="compare-dialog" testId="compare-view" labelledBy="compare-heading" onClose={onClose}>
      <div className="compare-header">
        <h2 id="compare-heading">{t('compare.heading')}</h2>
        <button type="button" autoFocus onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      <div className="compare-columns">
        <ComparedText clipping={left} other={right} />
        {right && <ComparedText clipping={right} other={left} />}
      </div>
    </ModalDialog>
  );
}

function words(text: string): Set<string> {
  return new Set(text.normalize('NFC').split(/\s+/).filter(Boolean));
}

function ComparedText({ clipping, other }: { clipping: Clipping; other: Clipping | undefined }) {
  const known = useMemo(() => (other ? words(other.body) : undefined), [other]);
  return (
    <article className="compare-column" lang={clipping.language} data-id={clipping.id}>
      <h3>{clipping.title}</h3>
      <p className="result-meta">{[clipping.publication, clipping.date].filter(Boolean).join(' · ')}</p>
      {clipping.body
        .split('\n')
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i}>
            {p.split(/(\s+)/).map((part, j) =>
              known && part.trim() !== '' && !known.has(part.normalize('NFC')) ? (
                <mark key={j} className="compare-changed">
                  {part}
                </mark>
              ) : (
                part
              ),
            )}
          </p>
        ))}
    </article>
  );
}
