// Under an open clipping: others with nearly the same text (the same agency story in two papers),
// with how alike they are; each opens a side-by-side comparison.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimilarClipping } from '../../../archive/api.ts';
import type { Clipping } from '../../../archive/clipping.ts';
import { archiveClient } from '../api/client.ts';
import { CompareView } from './CompareView.tsx';

export function NearDuplicates({ clipping }: { clipping: Clipping }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<{ for: string; list: SimilarClipping[] }>();
  const [comparing, setComparing] = useState<string>();
  const key = `${clipping.id}@${clipping.updatedAt}`;

  useEffect(() => {
    let live = true;
    // A hint only: if the archive cannot answer, the reader works without it.
    archiveClient.similar(clipping.id).then(
      (list) => live && setFound({ for: key, list }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [clipping.id, key]);

  const list = found?.for === key ? found.list : [];
  if (list.length === 0) return null;
  return (
    <aside className="near-duplicates" data-testid="near-duplicates">
      <p>{t('import.nearDuplicates')}</p>
      <ul>
        {list.map((other) => (
          <li key={other.id}>
            <button
              type="button"
              className="link-button"
              data-testid="compare-clipping"
              onClick={() => setComparing(other.id)}
            >
              {other.title}
            </button>{' '}
            <span className="similarity">
              {t('import.similarity', { percent: Math.round(other.similarity * 100) })}
            </span>
          </li>
        ))}
      </ul>
      {comparing && <CompareView left={clipping} otherId={comparing} onClose={() => setComparing(undefined)} />}
    </aside>
  );
}
