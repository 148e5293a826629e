// The one place an error is said to the user, in the current language.
import type { ErrorInfo } from '../../../archive/errors.ts';
import { formatError } from '../../../archive/messages.ts';
import { useLanguage } from '../i18n/use-language.ts';

export function ErrorMessage({ error, id }: { error: ErrorInfo; id?: string }) {
  const language = useLanguage();
  return (
    <p className="error-message" role="alert" data-testid="error-message" id={id}>
      {formatError(error, language)}
    </p>
  );
}
