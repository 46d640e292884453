import type { ReactNode } from 'react';

interface Props {
  title: string;
  hint?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, hint, action }: Props) {
  return (
    <div className="card empty-state" data-testid="empty-state">
      <div className="empty-state-mark" aria-hidden="true" />
      <h2>{title}</h2>
      {hint && <p>{hint}</p>}
      {action}
    </div>
  );
}
