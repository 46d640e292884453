import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { useUser } from '../auth/session';
import { useRegions } from '../dashboard/regions';
import { useLiveTick, usePanel } from '../dashboard/usePanel';
import { getFlag, openCase, type Flag, type FlagComplaint } from './api';
import { Loaded, ProductLine, RuleBadges } from './parts';
import { ProductMerge } from './ProductMerge';
import { SamplingTable } from './SamplingTable';
import './products.css';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';

/** One flag with everything behind it, and the step that turns it into an enforcement case. */
export function FlagDetailPage() {
  const { t } = useTranslation('products');
  const { id = '' } = useParams();
  const [tick] = useLiveTick();
  // A merge reloads the flag in place (same key), so the merge form keeps its confirmation.
  const [merged, setMerged] = useState(0);
  const flag = usePanel((s) => getFlag(id, s), id, tick + merged);
  return (
    <Page testId="page-flag" title={flag.data?.product.name ?? t('flags.title')} description={<Link to="/flags">← {t('flag.back')}</Link>}>
      <Loaded panel={flag}>{(f) => <FlagBody flag={f} onMerged={() => setMerged((n) => n + 1)} />}</Loaded>
    </Page>
  );
}

function FlagBody({ flag, onMerged }: { flag: Flag & { complaints: FlagComplaint[] }; onMerged(): void }) {
  const { t } = useTranslation('products');
  const { t: td } = useTranslation('dashboard');
  const regions = useRegions();
  const e = flag.evidence;
  const merchants = new Map(flag.complaints.map((c) => [c.merchantId, c.merchantName ?? c.merchantId]));
  return (
    <div className="enf-stack" data-testid="flag-detail" data-flag-id={flag.id}>
      <section className="card enf-head">
        <div>
          <ProductLine product={flag.product} />
          {flag.product.producer && (
            <div className="muted">
              {t('flag.producer')}: {flag.product.producer}
            </div>
          )}
          <div className="enf-meta">
            <RuleBadges rules={flag.rules} />
            <span className="enf-score">
              {t('flags.score')} <strong data-testid="flag-score">{flag.score}</strong>
            </span>
            <span className="badge">{t(`flagStatus.${flag.status}`)}</span>
          </div>
          <p className="muted">
            {t('flags.counts', { complaints: e.complaintCount, merchants: e.merchantCount, regions: e.regionCodes.length })}
            {e.safetyIncidents > 0 && ` · ${t('flag.safetyIncidents', { count: e.safetyIncidents })}`}
            {e.samplingFailures > 0 && ` · ${t('flags.samplingFailures', { count: e.samplingFailures })}`}
          </p>
        </div>
        <OpenCase flag={flag} />
      </section>

      <div className="enf-grid">
        <section className="card">
          <h2>{t('flag.regions')}</h2>
          <ul className="enf-tags" data-testid="flag-regions">
            {e.regionCodes.map((code) => (
              <li key={code}>{regions.name(code)}</li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t('flag.merchants')}</h2>
          <ul className="enf-tags">
            {[...merchants].map(([mid, name]) => (
              <li key={mid}>
                <Link to={`/merchants/${mid}`}>{name}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card table-card">
        <header className="enf-section-head">
          <h2>{t('flag.complaints')}</h2>
          <span className="muted">{t('flag.complaintsHint')}</span>
        </header>
        <table className="table" data-testid="flag-complaints">
          <thead>
            <tr>
              <th>{t('flag.day')}</th>
              <th>{t('flag.region')}</th>
              <th>{t('flag.merchant')}</th>
              <th>{t('flag.problem')}</th>
              <th>{t('flags.status')}</th>
            </tr>
          </thead>
          <tbody>
            {flag.complaints.map((c) => (
              <tr key={c.id} data-testid="flag-complaint">
                <td>
                  <Link to={`/complaints/${c.id}`}>{formatDate(`${c.day}T12:00:00+08:00`)}</Link>
                </td>
                <td>{regions.name(c.countyCode)}</td>
                <td>
                  <Link to={`/merchants/${c.merchantId}`}>{c.merchantName}</Link>
                  <div className="muted">{c.storeName}</div>
                </td>
                <td>
                  {c.safety && <span className="badge badge-danger">{t('flag.safety')}</span>}{' '}
                  {t(`complaints:problemTypes.${c.problemType}`, { defaultValue: c.problemType })}
                </td>
                <td>{td(`complaints:status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card table-card">
        <header className="enf-section-head">
          <h2>{t('flag.sampling')}</h2>
        </header>
        {e.samplingResults.length === 0 ? (
          <p className="muted enf-pad">{t('flag.noSampling')}</p>
        ) : (
          <SamplingTable results={e.samplingResults} />
        )}
      </section>
      {e.incidentIds.length > 0 && (
        <section className="card" data-testid="flag-incidents">
          <h2>{t('incidents.title')}</h2>
          <ul className="enf-tags">
            {e.incidentIds.map((id, i) => (
              <li key={id}>
                <Link to={`/incidents/${id}`}>
                  {t('incidents.title')} {i + 1}
                </Link>
              </li>
            ))}
          </ul>
          <p className="muted">{t('incidents.flagEvidence')}</p>
        </section>
      )}
      <ProductMerge intoId={flag.productId} category={flag.category} onMerged={onMerged} />
    </div>
  );
}

function OpenCase({ flag }: { flag: Flag }) {
  const { t } = useTranslation('products');
  const user = useUser();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit();
  if (flag.caseId) {
    return (
      <Link className="button button-primary" to={`/cases/${flag.caseId}`} data-testid="view-case">
        {t('flag.viewCase')}
      </Link>
    );
  }
  if (user.role !== 'regulator' || flag.status !== 'open') return null;
  async function open() {
    const c = await openCase(flag.id, note.trim() || undefined);
    navigate(`/cases/${c.id}`);
  }
  return (
    <div className="enf-open-case">
      {asking ? (
        <form onSubmit={submit(open, { leaves: true })}>
          <textarea
            aria-label={t('flag.caseNote')}
            placeholder={t('flag.caseNote')}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            data-testid="case-note"
          />
          <div className="button-row">
            <Button className="button button-primary" busy={busy} data-testid="open-case-confirm">
              {t('flag.confirmOpen')}
            </Button>
            <button type="button" className="button button-ghost" onClick={() => setAsking(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button className="button button-primary" onClick={() => setAsking(true)} data-testid="open-case">
          {t('flag.openCase')}
        </button>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
    </div>
  );
}
