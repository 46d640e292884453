import type { ReactNode } from 'react';
import { useDocumentTitle } from './useDocumentTitle';

interface Props {
  /** Becomes data-testid; by convention `page-<route path with dashes>`. */
  testId: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

export function Page({ testId, title, description, actions, children }: Props) {
  useDocumentTitle(title);
  return (
    <section className="page" data-testid={testId}>
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
