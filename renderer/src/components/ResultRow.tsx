import { memo } from 'react';
import type { Segment } from '../../../archive/search/highlight.ts';
import { Highlighted } from './Highlighted.tsx';
import { langOf } from './lang-of.ts';
import { rowId, type ResultEntry } from './result-entry.ts';
import { useIsSelected } from './selection.tsx';

interface Props {
  /** undefined while the row's page is on its way: an empty row of the same height. */
  entry: ResultEntry | undefined;
  snippet: Segment[] | undefined;
  index: number;
  /** How many rows the list has (for assistive tech: "row 5 of 19,989"). */
  setSize: number;
  /** The clipping open in the reader (the list's active row). */
  current: boolean;
  top: number;
  height: number;
  /** A plain click opens the row; Ctrl/Cmd+click selects it. */
  onClick(id: string, toggle: boolean): void;
  /** Its words, from the list: subscribing each row to the language cost every new row an effect. */
  words: RowWords;
}

export interface RowWords {
  loading: string;
  fromScan: string;
}

/** The same clipping shown the same way: its entry is made afresh at each render of the list. */
function sameEntry(a: ResultEntry | undefined, b: ResultEntry | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.publication === b.publication &&
    a.date === b.date &&
    a.language === b.language &&
    a.scanned === b.scanned
  );
}

// Drawn again only when it changes: while the next answer is on its way the list keeps its rows,
// and a keystroke then redraws none of them.
export const ResultRow = memo(
  ResultRowView,
  (a, b) =>
    sameEntry(a.entry, b.entry) &&
    a.snippet === b.snippet &&
    a.index === b.index &&
    a.setSize === b.setSize &&
    a.current === b.current &&
    a.top === b.top &&
    a.height === b.height &&
    a.onClick === b.onClick &&
    a.words === b.words,
);

function ResultRowView({ entry, snippet, index, setSize, current, top, height, onClick, words }: Props) {
  const selected = useIsSelected(entry?.id);
  const style = { height: `${height}px`, transform: `translateY(${top}px)` };
  if (!entry) {
    return (
      <div className="result-row placeholder" data-index={index} style={style} aria-busy="true">
        <div className="result-title">{words.loading}</div>
      </div>
    );
  }
  const title = entry.title.map((s) => s.text).join('');
  const lang = entry.language ?? langOf(title);
  const meta = [entry.publication, entry.date].filter((m) => m !== undefined && m !== '');
  return (
    <div
      id={rowId(entry.id)}
      data-index={index}
      data-testid="result-item"
      data-id={entry.id}
      role="option"
      aria-selected={selected}
      aria-current={current ? 'true' : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      lang={lang}
      className={`result-row${current ? ' current' : ''}${selected ? ' selected' : ''}`}
      style={style}
      onClick={(e) => onClick(entry.id, e.ctrlKey || e.metaKey)}
    >
      <div className="result-title" title={title}>
        {entry.scanned && (
          <span
            className="scan-mark"
            role="img"
            aria-label={words.fromScan}
            title={words.fromScan}
            data-testid="scan-mark"
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path
                d="M3 1h7l3 3v11H3z M10 1v3h3 M5 7h6 M5 9.5h6 M5 12h4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.3"
              />
            </svg>
          </span>
        )}
        <Highlighted segments={entry.title} />
      </div>
      {meta.length > 0 && <div className="result-meta">{meta.join(' · ')}</div>}
      <div className={meta.length > 0 ? 'result-snippet' : 'result-snippet long'}>
        {snippet ? <Highlighted segments={snippet} /> : ' '}
      </div>
      {selected && (
        <span className="row-selected-mark" aria-hidden="true">
          ✓
        </span>
      )}
    </div>
  );
}
