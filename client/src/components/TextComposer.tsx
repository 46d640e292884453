// The box under a thread (messages, internal notes): a text, a busy submit button, the failure if any.
// The text is kept when sending fails and cleared once it is sent.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import { useSubmit } from './useSubmit';

/** Adds an inserted text (a template) to what is written, on its own line, within the box's limit. */
export const appendText = (current: string, text: string, maxLength: number) =>
  (current.trim() ? `${current.replace(/\s+$/, '')}\n${text}` : text).slice(0, maxLength);

interface Props {
  /** The placeholder, also the text box's accessible name. */
  label: string;
  submitLabel: string;
  busyLabel?: string;
  maxLength: number;
  testIds: { body: string; submit: string };
  send(body: string): Promise<void>;
  /** Controls above the text box that add to it (the response-template picker). */
  tools?: (insert: (text: string) => void) => ReactNode;
}

export function TextComposer({ label, submitLabel, busyLabel, maxLength, testIds, send, tools }: Props) {
  const [body, setBody] = useState('');
  const { busy, error, run } = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    void run(async () => {
      await send(body.trim());
      setBody('');
    });
  }

  return (
    <form className="thread-form" onSubmit={submit}>
      {error && <Alert tone="danger">{error}</Alert>}
      {tools?.((text) => setBody((cur) => appendText(cur, text, maxLength)))}
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
