// How many matches each year (or month, when they all fall within three years), as a small bar
// chart drawn with SVG. Brushing keeps a span of dates: drag across bars with the mouse, or move
// with the arrow keys and extend with Shift; Enter keeps the bar in focus alone, Esc all dates.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Timeline as TimelineData } from '../../../archive/search/engine.ts';

interface Props {
  timeline: TimelineData;
  /** The query's date: value, if any (its bars are drawn as kept). */
  date: string | undefined;
  onDate(date: string | undefined): void;
}

const WIDTH = 300;
const HEIGHT = 56;
const GAP = 2;

/** The date: value for the bars from a to b. */
function span(periods: string[], a: number, b: number): string {
  const [from, to] = a <= b ? [periods[a]!, periods[b]!] : [periods[b]!, periods[a]!];
  return from === to ? from : `${from}..${to}`;
}

/** Is the period inside the date: value (compared at the period's length)? */
function inside(period: string, date: string | undefined): boolean {
  if (date === undefined) return false;
  const [from, to] = date.includes('..') ? date.split('..') : [date, date];
  const p = period.length;
  return (!from || period >= from.slice(0, p)) && (!to || period <= to.slice(0, p));
}

export function Timeline({ timeline, date, onDate }: Props) {
  const { t } = useTranslation();
  const periods = timeline.buckets.map((b) => b.value);
  const max = Math.max(1, ...timeline.buckets.map((b) => b.count));
  const [focus, setFocus] = useState(0);
  const [brush, setBrush] = useState<{ anchor: number; end: number } | undefined>();
  const [keyAnchor, setKeyAnchor] = useState<number>();
  const clearRef = useRef<HTMLButtonElement>(null);
  const empty = periods.length === 0;
  // A span with no clippings takes the chart away: focus goes to "All dates", the way back.
  useEffect(() => {
    if (empty && document.activeElement === document.body) clearRef.current?.focus();
  }, [empty]);
  const active = Math.min(focus, Math.max(0, periods.length - 1));
  // The bars (each with its sentence) are made again only when they change: the page renders on
  // every keystroke, and while the next answer is on its way the timeline stays the same.
  const bars = useMemo(() => {
    const n = timeline.buckets.length;
    const barWidth = WIDTH / n;
    const shown = (i: number) =>
      brush
        ? i >= Math.min(brush.anchor, brush.end) && i <= Math.max(brush.anchor, brush.end)
        : inside(timeline.buckets[i]!.value, date);
    return timeline.buckets.map((bucket, i) => {
      const h = Math.max(2, (bucket.count / max) * (HEIGHT - 4));
      return (
        <rect
          key={bucket.value}
          className={`timeline-bar${shown(i) ? ' kept' : ''}${i === active ? ' focused' : ''}`}
          data-period={bucket.value}
          x={i * barWidth + GAP / 2}
          y={HEIGHT - h}
          width={Math.max(1, barWidth - GAP)}
          height={h}
        >
          <title>{t('search.timelineBar', { period: bucket.value, count: bucket.count })}</title>
        </rect>
      );
    });
  }, [timeline, max, brush, date, active, t]);
  if (empty) {
    if (date === undefined) return null;
    return (
      <figure className="timeline">
        <figcaption className="timeline-caption">
          <span>{t('search.timeline')}</span>
          <ClearDates buttonRef={clearRef} onClick={() => onDate(undefined)} />
        </figcaption>
        <p className="timeline-empty" data-testid="timeline-empty">
          {t('search.emptySpan', { date })}
        </p>
      </figure>
    );
  }
  const n = periods.length;

  const indexAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return Math.max(0, Math.min(n - 1, Math.floor(((event.clientX - box.left) / box.width) * n)));
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      const next = Math.max(0, Math.min(n - 1, active + step));
      setFocus(next);
      if (event.shiftKey) {
        const anchor = keyAnchor ?? active;
        setKeyAnchor(anchor);
        onDate(span(periods, anchor, next));
      } else setKeyAnchor(undefined);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setFocus(event.key === 'Home' ? 0 : n - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setKeyAnchor(undefined);
      onDate(span(periods, active, active));
    } else if (event.key === 'Escape' && date !== undefined) {
      event.preventDefault();
      setKeyAnchor(undefined);
      onDate(undefined);
    }
  };

  const focused = timeline.buckets[active]!;
  return (
    <figure className="timeline">
      <figcaption className="timeline-caption">
        <span>{t('search.timeline')}</span>
        {date !== undefined && <ClearDates buttonRef={clearRef} onClick={() => onDate(undefined)} />}
      </figcaption>
      <svg
        className="timeline-chart"
        data-testid="timeline"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="slider"
        tabIndex={0}
        aria-label={t('search.timeline')}
        aria-description={t('search.timelineHelp')}
        aria-valuemin={0}
        aria-valuemax={n - 1}
        aria-valuenow={active}
        aria-valuetext={t('search.timelineBar', { period: focused.value, count: focused.count })}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const i = indexAt(e);
          setFocus(i);
          setBrush({ anchor: i, end: i });
        }}
        onPointerMove={(e) => brush && setBrush({ ...brush, end: indexAt(e) })}
        onPointerUp={(e) => {
          if (!brush) return;
          const end = indexAt(e);
          setBrush(undefined);
          onDate(span(periods, brush.anchor, end));
        }}
      >
        {bars}
      </svg>
      <div className="timeline-axis" aria-hidden="true">
        <span>{periods[0]}</span>
        <span>{t('search.timelineBar', { period: focused.value, count: focused.count })}</span>
        <span>{periods.at(-1)}</span>
      </div>
      {timeline.undated > 0 && <p className="timeline-undated">{t('search.undated', { count: timeline.undated })}</p>}
    </figure>
  );
}

function ClearDates({ buttonRef, onClick }: { buttonRef: Ref<HTMLButtonElement>; onClick(): void }) {
  const { t } = useTranslation();
  return (
    <button ref={buttonRef} type="button" className="link-button" data-testid="timeline-clear" onClick={onClick}>
      {t('search.allDates')}
    </button>
  );
}
