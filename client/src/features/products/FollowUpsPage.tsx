import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FOLLOW_UP_STATUSES } from '../../../../shared/schemas/followUps';
import { formatDate } from '../../i18n/format';
import { useSocketEvent } from '../../realtime/socket';
import { useSession } from '../auth/session';
import { usePanel } from '../dashboard/usePanel';
import { ProductLine } from './parts';
import { getFollowUpFigures, listFollowUps, type FollowUp, type FollowUpFigures } from './safetyApi';
import { FilteredTablePage } from './FilteredTablePage';
import './products.css';

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

function Figures({ f }: { f: FollowUpFigures }) {
  const { t } = useTranslation('products');
  const rows: [string, string, string?][] = [
    ['open', String(f.open)],
    ['overdue', String(f.overdue)],
    ['escalated', String(f.escalated)],
    ['closedOnTime', percent(f.closedOnTimeRate), t('followUps.figures.of', { count: f.closed })],
    ['passRate', percent(f.resamplingPassRate), t('followUps.figures.of', { count: f.resampled })],
  ];
  return (
    <dl className="card enf-figures" data-testid="follow-up-figures">
      {rows.map(([k, v, sub]) => (
        <div key={k} data-testid={`follow-up-figure-${k}`}>
          <dt>{t(`followUps.figures.${k}`)}</dt>
          <dd>
            <strong>{v}</strong> {sub && <span className="muted">{sub}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A bureau's follow-ups of failed samplings (with its figures), or a producer's own; updated live. */
export function FollowUpsPage() {
  const { t } = useTranslation('products');
  const { user } = useSession();
  const merchant = user?.role === 'merchant';
  const [status, setStatus] = useState('');
  const [tick, setTick] = useState(0);
  useSocketEvent('notification', (n) => n.kind.startsWith('follow_up') && setTick((x) => x + 1));
  useSocketEvent('case:updated', () => setTick((x) => x + 1));
  const query = status === 'overdue' ? { overdue: 'true' } : { status: status || undefined };
  const list = usePanel((s) => listFollowUps(query, s), status, tick);
  const figures = usePanel((s) => (merchant ? Promise.resolve(null) : getFollowUpFigures(s)), String(merchant), tick);
  return (
    <FilteredTablePage<FollowUp>
      page={{ testId: 'page-follow-ups', title: t('followUps.title'), description: t('followUps.description') }}
      filter={{
        label: t('followUps.status'),
        value: status,
        onChange: setStatus,
        any: t('followUps.anyStatus'),
        options: [
          ...FOLLOW_UP_STATUSES.map((s) => [s, t(`followUps.statuses.${s}`)] as const),
          ['overdue', t('followUps.overdueOnly')] as const,
        ],
        testId: 'follow-ups-status',
      }}
      above={figures.data ? <Figures f={figures.data} /> : null}
      panel={list}
      testId="follow-ups"
      empty={{ title: t('followUps.emptyTitle'), hint: t(merchant ? 'followUps.emptyMerchantHint' : 'followUps.emptyHint') }}
      columns={[
        {
          label: t('followUps.product'),
          cell: (f) => (
            <Link to={`/follow-ups/${f.id}`}>
              <ProductLine product={f.product} />
            </Link>
          ),
        },
        { label: t('followUps.producer'), cell: (f) => f.producer },
        { label: t('followUps.sampled'), cell: (f) => `${f.sampledOn} · ${f.batch ?? '—'}` },
        {
          label: t('followUps.status'),
          cell: (f) => (
            <>
              <span className="badge">{t(`followUps.statuses.${f.status}`)}</span>
              {f.overdue && f.status !== 'closed' && <span className="badge badge-danger enf-gap">{t('followUps.overdue')}</span>}
              {f.caseId && <span className="badge badge-warning enf-gap">{t('followUps.case')}</span>}
            </>
          ),
        },
        { label: t('followUps.rectificationDue'), cell: (f) => formatDate(f.rectificationDueAt) },
        { label: t('followUps.resamplingDue'), cell: (f) => formatDate(f.resamplingDueAt) },
      ]}
    />
  );
}
