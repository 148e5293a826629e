// Text with the query's matches in <mark>, built as React elements from segments (never as HTML).
import { Fragment } from 'react';
import type { Segment } from '../../../archive/search/highlight.ts';

export function Highlighted({ segments }: { segments: readonly Segment[] }) {
  return segments.map((segment, i) =>
    segment.match ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>,
  );
}
