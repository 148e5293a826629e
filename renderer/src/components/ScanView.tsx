// A clipping's scan beside its text: the page image with zoom, thumbnails when the scan has several
// pages, where each page's text came from (OCR, or a PDF's own text layer), and the lines read; choosing a line marks where it is on the page (its box, drawn over
// the image in the image's own pixels, so it stays in place at every zoom).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clipping, ScanPage } from '../../../archive/clipping.ts';
import { useScanImage } from '../hooks/use-scan-image.ts';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3];

interface PageRef {
  page: ScanPage;
  /** 1-based, over all the clipping's scans. */
  number: number;
}

function pagesOf(clipping: Clipping): PageRef[] {
  return (clipping.scans ?? []).flatMap((scan) => scan.pages).map((page, i) => ({ page, number: i + 1 }));
}

export function ScanView({ clipping }: { clipping: Clipping }) {
  const { t } = useTranslation();
  const pages = pagesOf(clipping);
  const [current, setCurrent] = useState(0);
  const [zoom, setZoom] = useState<number | undefined>(undefined); // undefined: fit the column
  const [line, setLine] = useState<number>();
  const ref = pages[Math.min(current, pages.length - 1)];
  if (!ref) return null;
  const { page } = ref;
  const zoomIndex = zoom === undefined ? -1 : ZOOMS.indexOf(zoom);
  const box = line === undefined ? undefined : page.lines[line]?.box;
  return (
    <section className="scan-view" data-testid="scan-view" aria-label={t('reader.scan')}>
      <div className="scan-toolbar" role="group" aria-label={t('reader.scan')}>
        <button
          type="button"
          aria-label={t('reader.zoomOut')}
          disabled={zoomIndex === 0}
          onClick={() => setZoom(ZOOMS[Math.max(0, zoomIndex === -1 ? 1 : zoomIndex - 1)])}
        >
          −
        </button>
        <button type="button" aria-pressed={zoom === undefined} onClick={() => setZoom(undefined)}>
          {t('reader.zoomFit')}
        </button>
        <button
          type="button"
          aria-label={t('reader.zoomIn')}
          data-testid="scan-zoom-in"
          disabled={zoomIndex === ZOOMS.length - 1}
          onClick={() => setZoom(ZOOMS[zoomIndex === -1 ? 3 : zoomIndex + 1])}
        >
          +
        </button>
        {zoom !== undefined && <span className="scan-zoom">{Math.round(zoom * 100)}%</span>}
      </div>
      <p className="scan-source" data-testid="scan-source" data-source={page.source}>
        {t(page.source === 'text-layer' ? 'reader.sourceTextLayer' : 'reader.sourceOcr', { page: ref.number })}
      </p>
      {pages.length > 1 && (
        <ol className="scan-thumbnails" aria-label={t('reader.scanPages')}>
          {pages.map((p, i) => (
            <li key={i}>
              <button
                type="button"
                aria-current={i === current ? 'page' : undefined}
                aria-label={t('reader.scanPage', { page: p.number })}
                onClick={() => {
                  setCurrent(i);
                  setLine(undefined);
                }}
              >
                <ScanImage id={clipping.id} page={p.page} alt="" />
              </button>
            </li>
          ))}
        </ol>
      )}
      <div
        className="scan-page"
        tabIndex={0}
        aria-label={t('reader.scanOf', { title: clipping.title, page: ref.number, pages: pages.length })}
      >
        <div
          className="scan-frame"
          style={zoom === undefined ? { width: '100%' } : { width: `${page.width * zoom}px` }}
        >
          <ScanImage
            id={clipping.id}
            page={page}
            alt={t('reader.scanOf', { title: clipping.title, page: ref.number, pages: pages.length })}
            testId="scan-image"
          />
          {box && page.width > 0 && page.height > 0 && (
            <div
              className="scan-line-box"
              data-testid="scan-line-box"
              aria-hidden="true"
              style={{
                left: `${(box[0] / page.width) * 100}%`,
                top: `${(box[1] / page.height) * 100}%`,
                width: `${(box[2] / page.width) * 100}%`,
                height: `${(box[3] / page.height) * 100}%`,
              }}
            />
          )}
        </div>
      </div>
      {page.lines.length > 0 && (
        <details className="scan-lines">
          <summary>{t('reader.scanLines')}</summary>
          <ol lang={clipping.language}>
            {page.lines.map((l, i) => (
              <li key={i}>
                <button
                  type="button"
                  data-testid="scan-line"
                  aria-pressed={line === i}
                  onClick={() => setLine(line === i ? undefined : i)}
                >
                  {l.text}
                </button>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function ScanImage({ id, page, alt, testId }: { id: string; page: ScanPage; alt: string; testId?: string }) {
  const { t } = useTranslation();
  const image = useScanImage(id, page.image);
  if (image.kind === 'loading') return <p className="scan-status">{t('reader.scanLoading')}</p>;
  if (image.kind === 'failed') {
    return (
      <p className="scan-status error-message" role="alert">
        {t('reader.scanFailed')}
      </p>
    );
  }
  return <img src={image.url} alt={alt} width={page.width} height={page.height} data-testid={testId} />;
}
