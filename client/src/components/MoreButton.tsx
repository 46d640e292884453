import { useState } from 'react';
import { describeError } from '../i18n/errors';
import { Alert } from './Alert';
import { Button } from './Button';
import { useBusy } from './useBusy';

interface Props<P> {
  /** The next page's cursor; nothing is shown without one. */
  next: string | null;
  load(cursor: string): Promise<P>;
  /** Receives the page once loaded (the list appends it). */
  onPage(page: P): void;
  label: string;
  busyLabel: string;
  testId: string;
}

/** "Load more" under a cursor-paged list: busy while its page loads, the error shown under it. */
export function MoreButton<P>({ next, load, onPage, label, busyLabel, testId }: Props<P>) {
  const [error, setError] = useState<string | null>(null);
  const { busy, track } = useBusy();
  return (
    <>
      {error && <Alert tone="danger">{error}</Alert>}
      {next && (
        <Button
          busy={busy === 'more'}
          busyLabel={busyLabel}
          data-testid={testId}
          onClick={() =>
            void track('more', async () => {
              try {
                setError(null);
                onPage(await load(next));
              } catch (e) {
                setError(describeError(e));
              }
            })
          }
        >
          {label}
        </Button>
      )}
    </>
  );
}
