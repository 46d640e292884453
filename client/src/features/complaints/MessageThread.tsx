import { useTranslation } from 'react-i18next';
import { TextComposer } from '../../components/TextComposer';
import { formatDateTime } from '../../i18n/format';
import { useUser } from '../auth/session';
import { TemplatePicker, usesTemplates } from '../templates/TemplatePicker';
import { postMessage, type Message } from './api';

interface Props {
  complaintId: string;
  messages: Message[];
  /** Only the parties of a complaint write in its thread. */
  canWrite: boolean;
  onPosted(m: Message): void;
}

export function MessageThread({ complaintId, messages, canWrite, onPosted }: Props) {
  const { t } = useTranslation('complaints');
  const { role } = useUser();
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
        <TextComposer
          label={t('messages.placeholder')}
          submitLabel={t('messages.send')}
          maxLength={5000}
          testIds={{ body: 'message-body', submit: 'message-send' }}
          send={async (body) => onPosted(await postMessage(complaintId, body))}
          tools={
            usesTemplates(role) ? (insert) => <TemplatePicker complaintId={complaintId} onInsert={insert} testId="message" /> : undefined
          }
        />
      )}
    </section>
  );
}
