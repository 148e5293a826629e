// Said plainly when the archive is damaged: it is open read-only, which file is wrong and how,
// and the way out (restore a backup). File names and details are shown as text, never as HTML.
import { useTranslation } from 'react-i18next';
import type { Damage } from '../../../archive/api.ts';
import { describeDamage } from './damage-detail.ts';

const SHOWN = 5;

export function DamageBanner({ damage, onRestore }: { damage: Damage; onRestore(): void }) {
  const { t } = useTranslation();
  const more = damage.problems.length - SHOWN;
  return (
    <section className="damage-banner" role="alert" data-testid="damage-banner" aria-labelledby="damage-title">
      <div className="damage-text">
        <h2 id="damage-title">{t('damage.title')}</h2>
        <p>{t('damage.readOnly')}</p>
        <ul className="damage-problems">
          {damage.problems.slice(0, SHOWN).map((problem, i) => (
            <li key={i} data-testid="damage-problem">
              <code dir="ltr">{problem.file}</code>: {describeDamage(problem.detail, t)}
            </li>
          ))}
          {more > 0 && <li>{t('damage.more', { count: more })}</li>}
        </ul>
      </div>
      <button type="button" className="primary" data-testid="restore-backup" onClick={onRestore}>
        {t('damage.restore')}
      </button>
    </section>
  );
}
