import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { postMessage, type Message } from './api';
import { Button } from '../../components/Button';

interface Props {
  complaintId: string;
  messages: Message[];
  /** Only the parties of a complaint write in its thread. */
  canWrite: boolean;
  onPosted(m: Message): void;
}

export function MessageThread({ complaintId, messages, canWrite, onPosted }: Props) {
  const { t } = useTranslation('complaints');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onPosted(await postMessage(complaintId, body.trim()));
      setBody('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="messages">
      <h2>{t('messages.title')}</h2>
      {messages.length === 0 ? (
        <p className="muted">{t('messages.empty')}</p>
      ) : (
        <ul className="thread">
          {messages.map((m) => (
            <li key={m.id} className={`bubble bubble-${m.party}`} data-testid="message">
              <div className="bubble-meta">
                <strong>{m.authorName ?? t('anonymous')}</strong>
                <span className="badge">{t(`parties.${m.party}`)}</span>
                <span className="muted">{formatDateTime(m.at)}</span>
              </div>
              <p className="prewrap">{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form className="thread-form" onSubmit={(e) => void send(e)}>
          {error && <Alert tone="danger">{error}</Alert>}
          <textarea
            aria-label={t('messages.placeholder')}
            placeholder={t('messages.placeholder')}
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-testid="message-body"
          />
          <div className="button-row">
            <Button className="button button-primary" busy={busy} disabled={!body.trim()} data-testid="message-send">
              {t('messages.send')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
