import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CONTEST_STATES } from '../../../../shared/schemas/credit';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextAreaField } from '../../components/form/TextAreaField';
import { formatDateTime } from '../../i18n/format';
import { useSocketEvent } from '../../realtime/socket';
import { useSession } from '../auth/session';
import { usePanel } from '../dashboard/usePanel';
import '../products/products.css';
import { FilteredTablePage } from '../products/FilteredTablePage';
import { decideContest, listContests, type CreditContest } from './api';

// Accepting is the step the bureau is asked for (it takes the complaint out of the tier); rejecting is the other.
const DECISIONS = [
  ['accept', 'button-primary'],
  ['reject', 'button-ghost'],
] as const;

/** The bureau's accept or reject, with its reason. */
function Decide({ c, onDone }: { c: CreditContest; onDone(): void }) {
  const { t } = useTranslation('credit');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  const decide = (decision: (typeof DECISIONS)[number][0]) =>
    run(async () => {
      await decideContest(c.id, { decision, reason: reason.trim() });
      onDone();
    });
  return (
    <div className="enf-form" data-testid="contest-decide">
      <TextAreaField
        label={t('contests.decisionReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="contest-decision-reason"
      />
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="badge-row">
        {DECISIONS.map(([decision, look]) => (
          <Button
            key={decision}
            className={`button ${look}`}
            busy={busy}
            busyLabel={t('contests.deciding')}
            disabled={reason.trim().length < 2}
            onClick={() => void decide(decision)}
            data-testid={`contest-${decision}`}
          >
            {t(`contests.${decision}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}

/** A bureau's credit contests with their count, each decided in place; updated live on a new one. */
export function ContestsPage() {
  const { t } = useTranslation('credit');
  const { user } = useSession();
  const [state, setState] = useState('open');
  const [tick, setTick] = useState(0);
  const reload = () => setTick((x) => x + 1);
  useSocketEvent('notification', (n) => n.kind.startsWith('credit_contest') && reload());
  const list = usePanel((s) => listContests(state, s), state, tick);
  return (
    <FilteredTablePage<CreditContest>
      page={{ testId: 'page-credit-contests', title: t('contests.title'), description: t('contests.description') }}
      filter={{
        label: t('contests.state'),
        value: state,
        onChange: setState,
        any: t('contests.anyState'),
        options: CONTEST_STATES.map((s) => [s, t(`states.${s}`)] as const),
        testId: 'contests-state',
      }}
      panel={list}
      testId="credit-contests"
      empty={{ title: t('contests.emptyTitle'), hint: t('contests.emptyHint') }}
      columns={[
        { label: t('contests.merchant'), cell: (c) => c.merchantName },
        {
          label: t('contests.complaint'),
          cell: (c) => (
            <>
              <Link to={`/complaints/${c.complaintId}`}>{c.complaintNumber}</Link>
              <div className="muted">
                {c.productName} · {c.storeName}
              </div>
            </>
          ),
        },
        {
          label: t('contests.reason'),
          cell: (c) => (
            <div data-testid={`contest-${c.id}`}>
              <p className="enf-pre">{c.reason}</p>
              <a href={`/api/credit/contests/${c.id}/evidence`} target="_blank" rel="noreferrer" data-testid="contest-evidence">
                {t('contests.download')} ({c.evidence.name})
              </a>
              <ol className="muted" aria-label={t('contests.timeline')} data-testid="contest-timeline">
                {c.timeline.map((e) => (
                  <li key={e.action}>
                    {formatDateTime(e.at)} · {t(`contests.actions.${e.action}`)} · {e.byName}
                    {e.action !== 'filed' && `：${e.text}`}
                  </li>
                ))}
              </ol>
              {c.state === 'open' && user?.role === 'regulator' && <Decide c={c} onDone={reload} />}
            </div>
          ),
        },
        {
          label: t('contests.state'),
          cell: (c) => (
            <span className="badge" data-testid="contest-state">
              {t(`states.${c.state}`)}
            </span>
          ),
        },
      ]}
    />
  );
}
