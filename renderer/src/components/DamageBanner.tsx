// Said plainly when the archive is damaged: it is open read-only, which file is wrong and how (a
// sentence in the user's language; the archive's exact words behind "Technical detail"), and the
// ways out: repair from the backups (only the damaged clippings come back) or restore a backup.
// File names and details are shown as text, never as HTML.
import { useTranslation } from 'react-i18next';
import type { Damage } from '../../../archive/api.ts';
import { describeDamage } from './damage-detail.ts';

const SHOWN = 5;

export function DamageBanner({
  damage,
  repairing,
  onRepair,
  onRestore,
}: {
  damage: Damage;
  repairing: boolean;
  onRepair(): void;
  onRestore(): void;
}) {
  const { t } = useTranslation();
  const more = damage.problems.length - SHOWN;
  return (
    <section className="damage-banner" role="alert" data-testid="damage-banner" aria-labelledby="damage-title">
      <div className="damage-text">
        <h2 id="damage-title">{t('damage.title')}</h2>
        <p>{t('damage.readOnly')}</p>
        <ul className="damage-problems">
          {damage.problems.slice(0, SHOWN).map((problem, i) => {
            const { sentence, technical } = describeDamage(problem, t);
            return (
              <li key={i} data-testid="damage-problem">
                <span data-testid="damage-sentence">{sentence}</span>
                {technical !== undefined && (
                  <details className="damage-technical">
                    <summary>{t('damage.technical')}</summary>
                    <code dir="ltr" data-testid="damage-technical">
                      {problem.file}: {technical}
                    </code>
                  </details>
                )}
              </li>
            );
          })}
          {more > 0 && <li>{t('damage.more', { count: more })}</li>}
        </ul>
      </div>
      <div className="damage-actions">
        <button type="button" className="primary" data-testid="repair-archive" disabled={repairing} onClick={onRepair}>
          {t(repairing ? 'damage.repairing' : 'damage.repair')}
        </button>
        <button type="button" data-testid="restore-backup" disabled={repairing} onClick={onRestore}>
          {t('damage.restore')}
        </button>
      </div>
    </section>
  );
}
