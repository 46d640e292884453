// Text with the ranges a search matched marked (<mark>), ranges as the server sends them (UTF-16 offsets).
import type { ReactNode } from 'react';
import type { Highlight } from '../../../../shared/schemas/complaintSearch';

export function Highlighted({ text, ranges }: Pick<Highlight, 'text' | 'ranges'>) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(<span key={`t${at}`}>{text.slice(at, r.start)}</span>);
    parts.push(<mark key={`m${r.start}`}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <>{parts}</>;
}
