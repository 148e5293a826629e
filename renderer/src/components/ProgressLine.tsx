// How far a long task has got, as the archive reports it: a line of text ("Importing: 6,000 /
// 15,000 clippings") and a determinate bar labelled by it. Before the first report, `waiting`
// and a bar without a value.
import { useId } from 'react';
import type { Progress } from '../../../archive/api.ts';
import { progressMessage } from '../../../archive/progress-message.ts';
import { useLanguage } from '../i18n/use-language.ts';

export function ProgressLine({ progress, waiting }: { progress: Progress | undefined; waiting: string }) {
  const language = useLanguage();
  const label = useId();
  return (
    <>
      <span id={label} data-testid="progress-text">
        {progress ? progressMessage(progress, language) : waiting}
      </span>
      {progress && progress.total > 0 ? (
        <progress aria-labelledby={label} value={progress.done} max={progress.total} />
      ) : (
        <progress aria-labelledby={label} />
      )}
    </>
  );
}
