// On a closed complaint: when it is published, and — for its merchant, during the window — the form
// for the one public comment shown beside the published record.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextComposer } from '../../components/TextComposer';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { Complaint } from '../complaints/api';
import type { Act } from '../complaints/useAction';

export function DisclosurePanel({ complaint: c, act }: { complaint: Complaint; act: Act }) {
  const { t } = useTranslation('disclosure');
  const d = c.disclosure;
  if (!d) return null;
  const status =
    d.state === 'public'
      ? t('comment.public', { at: formatDate(d.publishedAt ?? d.dueAt) })
      : d.state === 'commented'
        ? t('comment.commented', { at: formatDateTime(d.comment!.at), due: formatDateTime(d.dueAt) })
        : t('comment.pending', { at: formatDateTime(d.dueAt) });
  return (
    <section className="card action-card" data-testid="disclosure-panel" data-state={d.state}>
      <h2>{t('comment.title')}</h2>
      <p>{status}</p>
      {d.comment && <p data-testid="disclosure-comment">{t('comment.yours', { text: d.comment.text })}</p>}
      {c.allowedActions.includes('comment_publicly') && (
        <TextComposer
          label={t('comment.label')}
          submitLabel={t('comment.submit')}
          busyLabel={t('comment.busy')}
          maxLength={1000}
          testIds={{ body: 'public-comment-text', submit: 'public-comment-submit' }}
          send={async (text) => {
            await act({ action: 'comment_publicly', text });
          }}
        />
      )}
      {d.state === 'public' && <Link to={`/public/complaints?merchantId=${c.merchantId}`}>{t('comment.viewPublic')}</Link>}
    </section>
  );
}
