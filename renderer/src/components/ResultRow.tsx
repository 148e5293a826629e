import type { Segment } from '../../../archive/search/highlight.ts';
import { Highlighted } from './Highlighted.tsx';
import { rowId, type ResultEntry } from './result-entry.ts';

interface Props {
  entry: ResultEntry;
  snippet: Segment[] | undefined;
  index: number;
  selected: boolean;
  top: number;
  height: number;
  onOpen(id: string): void;
}

export function ResultRow({ entry, snippet, index, selected, top, height, onOpen }: Props) {
  const meta = [entry.publication, entry.date].filter((m) => m !== undefined && m !== '');
  return (
    <div
      id={rowId(entry.id)}
      data-index={index}
      data-testid="result-item"
      data-id={entry.id}
      role="option"
      aria-selected={selected}
      className={selected ? 'result-row selected' : 'result-row'}
      style={{ height: `${height}px`, transform: `translateY(${top}px)` }}
      onClick={() => onOpen(entry.id)}
    >
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
