// Officers' internal notes on a complaint: shown only to bureaus that see it (the server answers 403
// to anyone else, so the page shows this panel to regulators only).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { TextComposer } from '../../components/TextComposer';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { listNotes, writeNote, type ComplaintNote } from './api';

export function NotesPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation('officers');
  const [notes, setNotes] = useState<ComplaintNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listNotes(complaintId, abort.signal).then(setNotes, (e: unknown) => {
      if (!abort.signal.aborted) setError(t('notes.loadFailed', { message: describeError(e) }));
    });
    return () => abort.abort();
  }, [complaintId, t]);

  return (
    <section className="card" data-testid="notes">
      <h2>{t('notes.title')}</h2>
      <p className="muted">{t('notes.hint')}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      {notes?.length === 0 && <p className="muted">{t('notes.empty')}</p>}
      {!!notes?.length && (
        <ul className="thread">
          {notes.map((n) => (
            <li key={n.id} className="bubble bubble-regulator" data-testid="note">
              <div className="bubble-meta">
                <strong>{n.authorName}</strong>
                <span className="muted">{formatDateTime(n.at)}</span>
              </div>
              <p className="prewrap">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      <TextComposer
        label={t('notes.placeholder')}
        submitLabel={t('notes.add')}
        busyLabel={t('notes.adding')}
        maxLength={2000}
        testIds={{ body: 'note-body', submit: 'note-add' }}
        send={async (body) => {
          const note = await writeNote(complaintId, body);
          setNotes((cur) => [...(cur ?? []), note]);
        }}
      />
    </section>
  );
}
