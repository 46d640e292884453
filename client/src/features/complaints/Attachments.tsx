import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { attachmentUrl, uploadAttachment, type Attachment } from './api';
import { EVIDENCE_ACCEPT, evidenceProblem, formatSize } from './evidence';

interface Props {
  complaintId: string;
  attachments: Attachment[];
  canUpload: boolean;
  onUploaded(a: Attachment): void;
}

export function Attachments({ complaintId, attachments, canUpload, onUploaded }: Props) {
  const { t } = useTranslation('complaints');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function onPick(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const problems: string[] = [];
    setBusy(true);
    for (const file of files) {
      const problem = evidenceProblem(file);
      if (problem) {
        problems.push(problem);
        continue;
      }
      try {
        onUploaded(await uploadAttachment(complaintId, file));
      } catch (err) {
        problems.push(t('attachments.failed', { name: file.name, message: describeError(err) }));
      }
    }
    setBusy(false);
    setErrors(problems);
  }

  return (
    <section className="card" data-testid="attachments">
      <h2>{t('attachments.title')}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t('attachments.empty')}</p>
      ) : (
        <ul className="file-list">
          {attachments.map((a) => (
            <li key={a.id} data-testid="attachment">
              {a.contentType.startsWith('image/') && <img src={attachmentUrl(a.id)} alt="" className="file-thumb" loading="lazy" />}
              <a href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">
                {a.name}
              </a>
              <span className="muted">{formatSize(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {errors.map((msg) => (
        <Alert key={msg} tone="danger">
          {msg}
        </Alert>
      ))}
      {canUpload && (
        <label className="button upload-button">
          {busy ? t('attachments.uploading') : t('attachments.add')}
          <input
            type="file"
            accept={EVIDENCE_ACCEPT}
            multiple
            disabled={busy}
            onChange={(e) => void onPick(e)}
            data-testid="attachment-input"
          />
        </label>
      )}
      {canUpload && <p className="field-hint">{t('attachments.hint')}</p>}
    </section>
  );
}
