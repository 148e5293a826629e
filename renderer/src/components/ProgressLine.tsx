// How far a long task has got, as the archive reports it: a line of text ("Importing: 6,000 /
// 15,000 clippings") and a determinate bar labelled by it. Before the first report, `waiting`
// and a bar without a value.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../archive/api.ts';
import { useLanguage } from '../i18n/use-language.ts';

const MB = 1024 * 1024;

export function progressText(
  progress: Progress,
  t: (key: string, params: Record<string, string>) => string,
  language: string,
): string {
  const numbers = new Intl.NumberFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
    maximumFractionDigits: progress.step === 'bytes' ? 1 : 0,
  });
  const scale = progress.step === 'bytes' ? MB : 1;
  return t(`progress.${progress.kind}.${progress.step}`, {
    done: numbers.format(progress.done / scale),
    total: numbers.format(progress.total / scale),
  });
}

export function ProgressLine({ progress, waiting }: { progress: Progress | undefined; waiting: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = useId();
  return (
    <>
      <span id={label} data-testid="progress-text">
        {progress ? progressText(progress, t, language) : waiting}
      </span>
      {progress && progress.total > 0 ? (
        <progress aria-labelledby={label} value={progress.done} max={progress.total} />
      ) : (
        <progress aria-labelledby={label} />
      )}
    </>
  );
}
