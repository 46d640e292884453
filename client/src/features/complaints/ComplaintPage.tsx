import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { NotFoundPage } from '../../app/StatusPages';
import { useUser } from '../auth/session';
import { dropArrival } from './arrivals';
import { Attachments } from './Attachments';
import { DeadlineBadge, StatusBadge, UrgentBadge } from './Badges';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintFacts } from './ComplaintFacts';
import { WithdrawAction } from './ConsumerActions';
import { MessageThread } from './MessageThread';
import type { FiledState } from './NewComplaintPage';
import { RecordDownloads } from './RecordDownloads';
import { RemedyPanel } from './RemedyPanel';
import { DisclosurePanel } from '../disclosure/DisclosurePanel';
import { ResponsePanel } from './ResponsePanel';
import { Timeline } from './Timeline';
import { useComplaint } from './useComplaint';
import { AssignPanel } from '../officers/AssignPanel';
import { DeadlinePanel } from '../deadlines/DeadlinePanel';
import { isClosed } from '../../../../shared/complaintMachine';
import { NotesPanel } from '../officers/NotesPanel';
import './complaints.css';

export function ComplaintPage() {
  const { t } = useTranslation('complaints');
  const { id = '' } = useParams();
  const user = useUser();
  const { data: c, error, conflict, act, reload, addMessage, addAttachment } = useComplaint(id);
  // Set by the wizard when it hands over a complaint it has just filed.
  const filed = useLocation().state as FiledState | null;
  // Opened: no longer new in the inbox.
  useEffect(() => dropArrival(id), [id]);

  if (!c && error) {
    return /^[0-9a-f]{24}$/.test(id) ? <Alert tone="danger">{t('detail.loadFailed', { message: error })}</Alert> : <NotFoundPage />;
  }
  if (!c) return <Loading />;

  // Admins look on; the three parties write and add evidence (the server checks which complaint is theirs).
  const participant = user.role !== 'admin';
  // A bureau's internal side: who handles it and the officers' notes (the server refuses everyone else).
  const officer = user.role === 'regulator';
  const summary = (
    <span className="complaint-summary">
      <StatusBadge status={c.status} />
      {c.priority === 'urgent' && <UrgentBadge />}
      <DeadlineBadge complaint={c} withKind />
    </span>
  );
  return (
    <Page
      testId="page-complaint"
      title={t('detail.title', { number: c.number })}
      description={summary}
      actions={
        <>
          <RecordDownloads complaint={c} />
          {c.allowedActions.includes('withdraw') && <WithdrawAction act={act} />}
        </>
      }
    >
      {filed?.filedNumber && (
        <Alert tone={filed.uploadFailed ? 'warning' : 'success'} testId="filed-notice">
          {t('wizard.filed', { number: filed.filedNumber })}
          {filed.uploadFailed && ` ${t('wizard.uploadIssues')}`}
        </Alert>
      )}
      {conflict && (
        <Alert tone="warning" testId="conflict-notice">
          {t('detail.conflict')}
        </Alert>
      )}
      <div className="complaint-layout" data-testid="complaint" data-id={c.id} data-status={c.status} data-version={c.version}>
        <div className="complaint-main">
          <ComplaintActions complaint={c} act={act} />
          {!isClosed(c.status) && <DeadlinePanel complaint={c} onChanged={reload} />}
          <ResponsePanel complaint={c} />
          <RemedyPanel complaint={c} />
          <DisclosurePanel complaint={c} act={act} />
          <ComplaintFacts complaint={c} />
          <MessageThread complaintId={c.id} messages={c.messages} canWrite={participant} onPosted={addMessage} />
          {officer && <NotesPanel complaintId={c.id} />}
        </div>
        <aside className="complaint-side">
          {officer && <AssignPanel complaint={c} onChanged={reload} />}
          <Timeline events={c.timeline} />
          <Attachments complaintId={c.id} attachments={c.attachments} canUpload={participant} onUploaded={addAttachment} />
        </aside>
      </div>
    </Page>
  );
}
