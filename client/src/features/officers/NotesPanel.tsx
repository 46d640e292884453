// Officers' internal notes on a complaint: shown only to bureaus that see it (the server answers 403
// to anyone else, so the page shows this panel to regulators only).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { TextComposer } from '../../components/TextComposer';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { useSocketEvent } from '../../realtime/socket';
import { TemplatePicker } from '../templates/TemplatePicker';
import { listNotes, writeNote, type ComplaintNote } from './api';

export function NotesPanel({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation('officers');
  const [notes, setNotes] = useState<ComplaintNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Notes written by other officers arrive live (the page watches the complaint; the server sends
  // them only to sockets that may see internal notes). One's own arrives twice: kept once by id.
  const add = (n: ComplaintNote) => setNotes((cur) => (cur?.some((x) => x.id === n.id) ? cur : [...(cur ?? []), n]));
  useSocketEvent('complaint:note', (p) => {
    if (p.complaintId === complaintId) add(p.note);
  });

  useEffect(() => {
    const abort = new AbortController();
    // A note that arrived live while the list loaded stays.
    const loaded = (list: ComplaintNote[]) => setNotes((cur) => [...list, ...(cur ?? []).filter((n) => !list.some((x) => x.id === n.id))]);
    listNotes(complaintId, abort.signal).then(loaded, (e: unknown) => {
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
          add(await writeNote(complaintId, body));
        }}
        tools={(insert) => <TemplatePicker complaintId={complaintId} onInsert={insert} testId="note" />}
      />
    </section>
  );
}
