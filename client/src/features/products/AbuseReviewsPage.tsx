import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { useUser } from '../auth/session';
import { usePanel } from '../dashboard/usePanel';
import { useRegions } from '../dashboard/regions';
import { decideAbuse, listAbuse, type AbuseReview } from './api';
import { Loaded } from './parts';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';
import './products.css';

const STATUSES = ['pending', 'cleared', 'confirmed'] as const;

/** Accounts that look like mass templated claims, with the evidence; a regulator clears or confirms. */
export function AbuseReviewsPage() {
  const { t } = useTranslation('products');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('pending');
  const [tick, setTick] = useState(0);
  const list = usePanel((s) => listAbuse(status, s), status, tick);
  return (
    <Page
      testId="page-abuse-reviews"
      title={t('abuse.title')}
      description={t('abuse.description')}
      actions={
        <select aria-label={t('flags.status')} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`abuse.status.${s}`)}
            </option>
          ))}
        </select>
      }
    >
      <Loaded panel={list}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('abuse.emptyTitle')} hint={t('abuse.emptyHint')} />
          ) : (
            <div className="enf-stack" data-testid="abuse-list">
              {page.items.map((r) => (
                <Review key={r.id} review={r} onDecided={() => setTick((n) => n + 1)} />
              ))}
            </div>
          )
        }
      </Loaded>
    </Page>
  );
}

function Review({ review, onDecided }: { review: AbuseReview; onDecided(): void }) {
  const { t } = useTranslation('products');
  const user = useUser();
  const regions = useRegions();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const e = review.evidence;
  const openable = new Set(e.openableIds);
  const { busy, track } = useBusy();
  const decide = (decision: 'cleared' | 'confirmed') =>
    track(decision, async () => {
      try {
        await decideAbuse(review.id, decision, note.trim());
        onDecided();
      } catch (err) {
        setError(describeError(err));
      }
    });
  return (
    <article className="card" data-testid={`abuse-${review.id}`}>
      <header className="enf-section-head">
        <h2>{review.consumerName ?? review.consumerId}</h2>
        <span className="badge">{t(`abuse.status.${review.status}`)}</span>
      </header>
      <p>
        {t('abuse.evidence', {
          complaints: e.complaintCount ?? 0,
          merchants: e.merchantCount ?? 0,
          days: e.windowDays ?? '—',
          share: e.templateShare === undefined ? '—' : `${Math.round(e.templateShare * 100)}%`,
        })}
      </p>
      <p className="muted">
        {review.regionCodes.map(regions.name).join('、')}
        {review.createdAt && ` · ${formatDate(review.createdAt)}`}
      </p>
      <div className="enf-tags">
        <span className="muted">{t('abuse.complaints')}:</span>
        {e.complaintIds.map((id, i) =>
          openable.has(id) ? (
            <Link key={id} to={`/complaints/${id}`}>
              #{i + 1}
            </Link>
          ) : (
            <span key={id} className="muted" title={t('abuse.otherRegion')} data-testid="abuse-complaint-elsewhere">
              #{i + 1}
            </span>
          ),
        )}
      </div>
      {review.note && <p className="muted">{review.note}</p>}
      {review.status === 'pending' && user.role === 'regulator' && (
        <div className="enf-form">
          <textarea
            aria-label={t('abuse.note')}
            placeholder={t('abuse.note')}
            value={note}
            maxLength={2000}
            onChange={(ev) => setNote(ev.target.value)}
          />
          <div className="button-row">
            <Button
              className="button"
              busy={busy === 'cleared'}
              disabled={!note.trim() || busy !== null}
              onClick={() => void decide('cleared')}
            >
              {t('abuse.clear')}
            </Button>
            <Button
              className="button button-danger"
              busy={busy === 'confirmed'}
              disabled={!note.trim() || busy !== null}
              onClick={() => void decide('confirmed')}
            >
              {t('abuse.confirm')}
            </Button>
          </div>
          {error && <Alert tone="danger">{error}</Alert>}
        </div>
      )}
    </article>
  );
}
