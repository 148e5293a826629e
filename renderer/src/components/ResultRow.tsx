import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../archive/search/highlight.ts';
import { Highlighted } from './Highlighted.tsx';
import { rowId, type ResultEntry } from './result-entry.ts';
import { RowCheckbox } from './selection.tsx';

interface Props {
  /** undefined while the row's page is on its way: an empty row of the same height. */
  entry: ResultEntry | undefined;
  snippet: Segment[] | undefined;
  index: number;
  /** How many rows the list has (for assistive tech: "row 5 of 19,989"). */
  setSize: number;
  selected: boolean;
  top: number;
  height: number;
  onOpen(id: string): void;
}

export function ResultRow({ entry, snippet, index, setSize, selected, top, height, onOpen }: Props) {
  const { t } = useTranslation();
  const style = { height: `${height}px`, transform: `translateY(${top}px)` };
  if (!entry) {
    return (
      <div className="result-row placeholder" data-index={index} style={style} aria-busy="true">
        <div className="result-title">{t('list.loadingRow')}</div>
      </div>
    );
  }
  const meta = [entry.publication, entry.date].filter((m) => m !== undefined && m !== '');
  return (
    <div
      id={rowId(entry.id)}
      data-index={index}
      data-testid="result-item"
      data-id={entry.id}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={selected ? 'result-row selected' : 'result-row'}
      style={style}
      onClick={() => onOpen(entry.id)}
    >
      <RowCheckbox id={entry.id} title={entry.title.map((s) => s.text).join('')} />
      <div className="result-title" title={entry.title.map((s) => s.text).join('')}>
        <Highlighted segments={entry.title} />
      </div>
      {meta.length > 0 && <div className="result-meta">{meta.join(' · ')}</div>}
      <div className={meta.length > 0 ? 'result-snippet' : 'result-snippet long'}>
        {snippet ? <Highlighted segments={snippet} /> : ' '}
      </div>
    </div>
  );
}
