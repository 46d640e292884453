import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { useUser } from '../auth/session';
import { percent } from './api';
import { complianceReport, saveSettings, type Settings } from './complianceApi';
import { ReviewCard } from './ReviewCard';
import { TrendChart } from './TrendChart';
import { useLoad } from './useLoad';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';
import { TextField } from '../../components/form/TextField';
import './returns.css';

/** Regulators: merchants to review by the thresholds they set, with evidence, and the trend per city. */
export function CompliancePage() {
  const { t } = useTranslation('returns');
  const user = useUser();
  const [query, setQuery] = useState<Partial<Settings>>({});
  const report = useLoad((signal) => complianceReport(query, signal), [JSON.stringify(query)]);
  const [form, setForm] = useState<Record<keyof Settings, string> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const s = report.data?.settings;
  const values =
    form ??
    (s
      ? {
          threshold: String(Math.round(s.threshold * 100)),
          days: String(s.days),
          minRequests: String(s.minRequests),
          breaches: String(s.breaches),
        }
      : null);

  const parsed = (): Settings | null =>
    values && {
      threshold: Number(values.threshold) / 100,
      days: Number(values.days),
      minRequests: Number(values.minRequests),
      breaches: Number(values.breaches),
    };

  function apply(e: FormEvent) {
    e.preventDefault();
    const p = parsed();
    if (p) setQuery(p);
  }

  const { busy, track } = useBusy();
  const save = () =>
    track('save', async () => {
      const p = parsed();
      if (!p) return;
      try {
        await saveSettings(p);
        setNotice(t('compliance.saved'));
        setQuery(p);
      } catch (e) {
        setNotice(describeError(e));
      }
    });

  const field = (k: keyof Settings) => (
    <TextField
      label={t(`compliance.${k}`)}
      data-testid={`compliance-${k}`}
      type="number"
      min={k === 'threshold' ? 0 : 1}
      max={k === 'threshold' ? 100 : undefined}
      value={values?.[k] ?? ''}
      onChange={(e) => setForm({ ...values!, [k]: e.target.value })}
    />
  );

  return (
    <Page testId="page-compliance" title={t('compliance.title')} description={t('compliance.description')}>
      <form className="card" onSubmit={apply} data-testid="compliance-form">
        <h2>{t('compliance.thresholds')}</h2>
        <div className="form-grid">
          {field('threshold')}
          {field('days')}
          {field('minRequests')}
          {field('breaches')}
        </div>
        <div className="button-row">
          <button className="button button-primary" type="submit" data-testid="compliance-apply">
            {t('compliance.apply')}
          </button>
          {user.role === 'regulator' && (
            <Button className="button" type="button" busy={busy === 'save'} onClick={() => void save()} data-testid="compliance-save">
              {t('compliance.save')}
            </Button>
          )}
        </div>
      </form>
      {notice && <Alert tone="info">{notice}</Alert>}
      {report.error ? (
        <Alert tone="danger">{t('loadFailed', { message: report.error })}</Alert>
      ) : !report.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">
            {t('compliance.period', report.data.period)} ·{' '}
            {t('compliance.totals', {
              requests: report.data.totals.requests,
              rate: percent(report.data.totals.honorRate),
              breaches: report.data.totals.breaches,
            })}
          </p>
          <h2>{t('compliance.listTitle')}</h2>
          {report.data.merchants.length === 0 ? (
            <EmptyState title={t('compliance.emptyTitle')} hint={t('compliance.emptyHint')} />
          ) : (
            <div className="commitment-list" data-testid="compliance-list">
              {report.data.merchants.map((m) => (
                <ReviewCard
                  key={m.merchantId}
                  entry={m}
                  onChanged={(msg) => {
                    setNotice(msg);
                    report.reload();
                  }}
                />
              ))}
            </div>
          )}
          <h2>{t('compliance.trendTitle')}</h2>
          <div className="card">
            <TrendChart points={report.data.trend} />
          </div>
        </>
      )}
    </Page>
  );
}
