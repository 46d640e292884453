// The complaint's printable record (PDF, in the reader's language) and its evidence (one ZIP), as
// plain downloads: the server renders both for what this user may see.
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/locale';
import type { ComplaintDetail } from './api';

export function RecordDownloads({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation('complaints');
  const base = `/api/complaints/${encodeURIComponent(complaint.id)}`;
  return (
    <span className="record-downloads">
      <a className="button" href={`${base}/record.pdf?lang=${currentLocale()}`} download data-testid="record-pdf">
        {t('record.pdf')}
      </a>
      {complaint.attachments.length > 0 && (
        <a className="button" href={`${base}/evidence.zip`} download data-testid="evidence-zip">
          {t('record.zip', { count: complaint.attachments.length })}
        </a>
      )}
    </span>
  );
}
