import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { emlUrl, type OutboxMail } from './api';

const TONE = { pending: 'badge-warning', sent: 'badge-success', failed: 'badge-danger' } as const;

export function MailRow({ mail: m }: { mail: OutboxMail }) {
  const { t } = useTranslation('outbox');
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr data-testid={`mail-${m.id}`}>
        <td className="outbox-subject">
          <div className="cell-strong">{m.subject}</div>
          <div className="muted mono outbox-to">{m.to}</div>
          {m.lastError && m.status !== 'sent' && <div className="field-error">{m.lastError}</div>}
        </td>
        <td>
          <span className={`badge ${TONE[m.status]}`}>{t(`status.${m.status}`)}</span>
          {(m.status === 'sent' || m.attempts > 0) && (
            <div className="muted outbox-meta">
              {m.status === 'sent'
                ? t(m.transport === 'smtp' ? 'viaSmtp' : 'viaFile')
                : `${t('attempts', { count: m.attempts })} · ${t('nextAttempt', { at: formatDateTime(m.nextAttemptAt) })}`}
            </div>
          )}
        </td>
        <td className="nowrap">{formatDateTime(m.sentAt ?? m.createdAt)}</td>
        <td>
          <div className="button-row">
            <button className="button button-ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="mail-preview">
              {open ? t('hide') : t('preview')}
            </button>
            <a className="button" href={emlUrl(m.id)} download data-testid="mail-eml">
              {t('openEml')}
            </a>
          </div>
        </td>
      </tr>
      {open && (
        <tr className="outbox-text-row">
          <td colSpan={4}>
            <pre className="outbox-text">{m.text}</pre>
          </td>
        </tr>
      )}
    </>
  );
}
