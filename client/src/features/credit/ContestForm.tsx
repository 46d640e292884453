import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextAreaField } from '../../components/form/TextAreaField';
import { fileContest } from './api';

/** The reason and the evidence file of one contest. */
export function ContestForm({ complaintId, onDone, onCancel }: { complaintId: string; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation('credit');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, submit } = useSubmit();
  return (
    <form
      className="enf-form"
      onSubmit={submit(async () => {
        if (!file) return;
        await fileContest(complaintId, reason.trim(), file);
        onDone();
      })}
      data-testid="contest-form"
    >
      <TextAreaField label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="contest-reason" />
      <div className="field">
        <label htmlFor={`contest-file-${complaintId}`}>{t('evidence')}</label>
        <input
          id={`contest-file-${complaintId}`}
          type="file"
          accept="image/*,application/pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="contest-file"
        />
      </div>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="badge-row">
        <Button
          type="submit"
          className="button button-primary"
          busy={busy}
          busyLabel={t('submitting')}
          disabled={reason.trim().length < 5 || !file}
          data-testid="contest-submit"
        >
          {t('submit')}
        </Button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
