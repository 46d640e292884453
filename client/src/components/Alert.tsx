import type { ReactNode } from 'react';

interface Props {
  tone?: 'info' | 'success' | 'warning' | 'danger';
  children: ReactNode;
  testId?: string;
}

export function Alert({ tone = 'info', children, testId }: Props) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'danger' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
