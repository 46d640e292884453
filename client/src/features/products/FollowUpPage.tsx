import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { RECTIFICATION_WORKING_DAYS, RESAMPLING_WORKING_DAYS } from '../../../../shared/schemas/followUps';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useSubmit } from '../../components/useSubmit';
import { TextAreaField } from '../../components/form/TextAreaField';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useSession } from '../auth/session';
import { useRegions } from '../dashboard/regions';
import { usePanel } from '../dashboard/usePanel';
import { Loaded, ProductLine } from './parts';
import { getFollowUp, recordResampling, sendReport, type FollowUp } from './safetyApi';
import { TextField } from '../../components/form/TextField';
import './products.css';

function ReportForm({ f, onDone }: { f: FollowUp; onDone(): void }) {
  const { t } = useTranslation('products');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, submit } = useSubmit();
  const send = async () => {
    await sendReport(f.id, text.trim(), file);
    onDone();
  };
  return (
    <form className="enf-form" onSubmit={submit(send)} data-testid="follow-up-report-form">
      <TextAreaField label={t('followUps.detail.reportText')} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="field">
        <label htmlFor="follow-up-report-file">{t('followUps.detail.reportFile')}</label>
        <input
          id="follow-up-report-file"
          type="file"
          accept="image/*,application/pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {error && <Alert tone="danger">{error}</Alert>}
      <Button
        type="submit"
        className="button button-primary"
        busy={busy}
        busyLabel={t('followUps.detail.sending')}
        disabled={!text.trim()}
        data-testid="follow-up-send-report"
      >
        {t('followUps.detail.sendReport')}
      </Button>
    </form>
  );
}

function ResamplingForm({ f, onDone }: { f: FollowUp; onDone(): void }) {
  const { t } = useTranslation('products');
  const [passed, setPassed] = useState('true');
  const [sampledOn, setSampledOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit();
  const record = async () => {
    await recordResampling(f.id, { passed: passed === 'true', sampledOn, ...(note.trim() ? { note: note.trim() } : {}) });
    onDone();
  };
  return (
    <form className="enf-form" onSubmit={submit(record)} data-testid="follow-up-resampling-form">
      <div className="enf-grid">
        <div className="field">
          <label htmlFor="follow-up-result">{t('followUps.detail.result')}</label>
          <select id="follow-up-result" value={passed} onChange={(e) => setPassed(e.target.value)}>
            <option value="true">{t('followUps.detail.passed')}</option>
            <option value="false">{t('followUps.detail.failed')}</option>
          </select>
        </div>
        <TextField label={t('followUps.detail.sampledOn')} type="date" value={sampledOn} onChange={(e) => setSampledOn(e.target.value)} />
      </div>
      <TextField label={t('followUps.detail.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      {error && <Alert tone="danger">{error}</Alert>}
      <Button
        type="submit"
        className="button button-primary"
        busy={busy}
        busyLabel={t('followUps.detail.recording')}
        data-testid="follow-up-record-resampling"
      >
        {t('followUps.detail.record')}
      </Button>
    </form>
  );
}

/** One follow-up: the order and its working-day deadlines, the producer's report, the re-sampling, the case if it escalated. */
export function FollowUpPage() {
  const { t } = useTranslation('products');
  const { id = '' } = useParams();
  const { user } = useSession();
  const regions = useRegions();
  const [tick, setTick] = useState(0);
  const panel = usePanel((s) => getFollowUp(id, s), id, tick);
  const reload = () => setTick((x) => x + 1);
  return (
    <Page testId="page-follow-up" title={t('followUps.title')} description={<Link to="/follow-ups">← {t('followUps.detail.back')}</Link>}>
      <Loaded panel={panel}>
        {(f) => (
          <div className="enf-stack">
            <section className="card">
              <h2>
                <ProductLine product={f.product} />
              </h2>
              <div className="enf-meta">
                <span className="badge" data-testid="follow-up-status">
                  {t(`followUps.statuses.${f.status}`)}
                </span>
                {f.overdue && f.status !== 'closed' && <span className="badge badge-danger">{t('followUps.overdue')}</span>}
                {f.closedOnTime !== null && (
                  <span className={`badge ${f.closedOnTime ? 'badge-success' : 'badge-warning'}`}>
                    {t(f.closedOnTime ? 'followUps.detail.closedOnTime' : 'followUps.detail.closedLate')}
                  </span>
                )}
              </div>
              {f.caseId && (
                <Alert tone="warning">
                  {t('followUps.detail.escalated', { date: f.escalatedAt ? formatDate(f.escalatedAt) : '' })}{' '}
                  {user?.role !== 'merchant' && (
                    <Link to={`/cases/${f.caseId}`} data-testid="follow-up-case">
                      {t('followUps.viewCase')}
                    </Link>
                  )}
                </Alert>
              )}
              <dl className="enf-dl">
                <dt>{t('followUps.producer')}</dt>
                <dd>{f.producer}</dd>
                <dt>{t('followUps.sampled')}</dt>
                <dd>
                  {f.sampledOn} · {f.batch ?? '—'} · {regions.name(f.regionCode)}
                </dd>
                <dt>{t('followUps.failedItems')}</dt>
                <dd>{f.failedItems.join('、') || '—'}</dd>
                <dt>{t('followUps.detail.authority')}</dt>
                <dd>{f.authority ?? '—'}</dd>
                <dt>{t('followUps.detail.orderedAt')}</dt>
                <dd>{formatDate(f.orderedAt)}</dd>
                <dt>{t('followUps.rectificationDue')}</dt>
                <dd data-testid="follow-up-rectification-due">
                  {formatDate(f.rectificationDueAt)}{' '}
                  <span className="muted">({t('followUps.detail.workingDays', { count: RECTIFICATION_WORKING_DAYS })})</span>
                </dd>
                <dt>{t('followUps.resamplingDue')}</dt>
                <dd>
                  {formatDate(f.resamplingDueAt)}{' '}
                  <span className="muted">(+{t('followUps.detail.workingDays', { count: RESAMPLING_WORKING_DAYS })})</span>
                </dd>
              </dl>
            </section>
            <section className="card">
              <h2>{t('followUps.detail.report')}</h2>
              {f.report ? (
                <div data-testid="follow-up-report">
                  <p className="enf-pre">{f.report.text}</p>
                  <p className="muted">
                    {formatDateTime(f.report.at)}
                    {f.report.file && (
                      <>
                        {' · '}
                        <a href={`/api/sampling-follow-ups/${f.id}/report-file`} target="_blank" rel="noreferrer">
                          {t('followUps.detail.download')} ({f.report.file.name})
                        </a>
                      </>
                    )}
                  </p>
                </div>
              ) : (
                <p className="muted">{t('followUps.detail.noReport')}</p>
              )}
              {f.status === 'rectifying' && user?.role !== 'admin' && <ReportForm f={f} onDone={reload} />}
            </section>
            <section className="card">
              <h2>{t('followUps.detail.resampling')}</h2>
              {f.resampling ? (
                <p data-testid="follow-up-resampling">
                  <span className={`badge ${f.resampling.passed ? 'badge-success' : 'badge-danger'}`}>
                    {t(f.resampling.passed ? 'followUps.detail.passed' : 'followUps.detail.failed')}
                  </span>{' '}
                  {f.resampling.sampledOn} {f.resampling.note && <span className="muted">· {f.resampling.note}</span>}
                </p>
              ) : (
                <p className="muted">{t('followUps.detail.noResampling')}</p>
              )}
              {f.status !== 'closed' && user?.role === 'regulator' && <ResamplingForm f={f} onDone={reload} />}
            </section>
          </div>
        )}
      </Loaded>
    </Page>
  );
}
