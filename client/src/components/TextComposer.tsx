// The box under a thread (messages, internal notes): a text, a busy submit button, the failure if any.
// The text is kept when sending fails and cleared once it is sent.
import { useState, type FormEvent } from 'react';
import { describeError } from '../i18n/errors';
import { Alert } from './Alert';
import { Button } from './Button';

interface Props {
  /** The placeholder, also the text box's accessible name. */
  label: string;
  submitLabel: string;
  busyLabel?: string;
  maxLength: number;
  testIds: { body: string; submit: string };
  send(body: string): Promise<void>;
}

export function TextComposer({ label, submitLabel, busyLabel, maxLength, testIds, send }: Props) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await send(body.trim());
      setBody('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="thread-form" onSubmit={(e) => void submit(e)}>
      {error && <Alert tone="danger">{error}</Alert>}
      <textarea
        aria-label={label}
        placeholder={label}
        rows={3}
        maxLength={maxLength}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        data-testid={testIds.body}
      />
      <div className="button-row">
        <Button className="button button-primary" busy={busy} busyLabel={busyLabel} disabled={!body.trim()} data-testid={testIds.submit}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
