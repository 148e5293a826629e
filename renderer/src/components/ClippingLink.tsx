// The clipping's web address, as a link. A click asks the archive to open it: the desktop app opens
// the system browser, and only after checking that it is this clipping's own http(s) address; where
// the host cannot open it (the browser page of `press-archive serve`), the page opens a new tab.
import { useState, type MouseEvent } from 'react';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function ClippingLink({ id, url }: { id: string; url: string }) {
  const [error, setError] = useState<ErrorInfo>();
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setError(undefined);
    archiveClient.openClippingUrl(id, url).then(
      (answer) => {
        if (!answer.opened) window.open(answer.url, '_blank', 'noopener,noreferrer');
      },
      (failure: unknown) => setError(errorInfoOf(failure)),
    );
  };
  return (
    <>
      <a href={url} data-testid="clipping-url" rel="noopener noreferrer" onClick={open}>
        {url}
      </a>
      {error && <ErrorMessage error={error} />}
    </>
  );
}
