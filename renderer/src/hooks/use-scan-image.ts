// The image of a scan's page, fetched through the API (scanImage: checked against its checksum by
// the archive) and shown from a blob: URL, which is let go when the page changes or the reader closes.
import { useEffect, useState } from 'react';
import { archiveClient } from '../api/client.ts';

export type ScanImageState = { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'failed' };

export function useScanImage(id: string, sha256: string): ScanImageState {
  const key = `${id}/${sha256}`;
  // The state of the image last asked for; another image is loading until its answer comes.
  const [loaded, setLoaded] = useState<{ key: string; state: ScanImageState }>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    archiveClient.scanImage(id, sha256).then(
      ({ mime, base64 }) => {
        if (!live) return;
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        url = URL.createObjectURL(new Blob([bytes], { type: mime }));
        setLoaded({ key, state: { kind: 'ready', url } });
      },
      () => live && setLoaded({ key, state: { kind: 'failed' } }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, sha256, key]);
  return loaded?.key === key ? loaded.state : { kind: 'loading' };
}
