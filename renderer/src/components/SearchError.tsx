// A mistake in the query, said in the user's language with an example of the right way.
import type { QuerySyntaxError } from '../../../archive/search/query.ts';
import { formatQueryError } from '../../../archive/search/query-messages.ts';
import { useLanguage } from '../i18n/use-language.ts';

export function SearchError({ error }: { error: QuerySyntaxError }) {
  const language = useLanguage();
  return (
    <p className="error-message search-error" role="alert" data-testid="error-message" data-code={error.code}>
      {formatQueryError(error, language)}
    </p>
  );
}
