// The clipping open in the reader: fetched in full (with its text) when chosen.
import { useCallback, useRef, useState } from 'react';
import type { Clipping } from '../../../archive/clipping.ts';
import type { ErrorInfo } from '../../../archive/errors.ts';
import { errorInfoOf } from '../api/api-error.ts';
import { archiveClient } from '../api/client.ts';

export interface ReaderState {
  id: string | undefined;
  clipping: Clipping | undefined;
  error: ErrorInfo | undefined;
  open(id: string): void;
  show(clipping: Clipping): void;
  close(): void;
}

export function useReader(): ReaderState {
  const [id, setId] = useState<string>();
  const [clipping, setClipping] = useState<Clipping>();
  const [error, setError] = useState<ErrorInfo>();
  const wanted = useRef<string | undefined>(undefined);

  const open = useCallback((next: string) => {
    wanted.current = next;
    setId(next);
    setError(undefined);
    setClipping((current) => (current?.id === next ? current : undefined));
    archiveClient.get(next).then(
      (c) => {
        if (wanted.current === next) setClipping(c);
      },
      (e: unknown) => {
        if (wanted.current === next) setError(errorInfoOf(e));
      },
    );
  }, []);

  const show = useCallback((c: Clipping) => {
    wanted.current = c.id;
    setId(c.id);
    setClipping(c);
    setError(undefined);
  }, []);

  const close = useCallback(() => {
    wanted.current = undefined;
    setId(undefined);
    setClipping(undefined);
    setError(undefined);
  }, []);

  return { id, clipping, error, open, show, close };
}
