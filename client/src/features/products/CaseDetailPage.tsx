import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CASE_ACTIONS, CASE_TRANSITIONS, type CaseAction } from '../../../../shared/schemas/products';
import { Alert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { useUser } from '../auth/session';
import { useLiveTick, usePanel } from '../dashboard/usePanel';
import { getCase, moveCase, type Case } from './api';
import { Loaded, ProductLine } from './parts';
import './products.css';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/form/TextAreaField';

/** A case, its workflow buttons (each step with a note) and its action log. */
export function CaseDetailPage() {
  const { t } = useTranslation('products');
  const { id = '' } = useParams();
  const [tick, reload] = useLiveTick();
  const c = usePanel((s) => getCase(id, s), id, tick);
  return (
    <Page testId="page-case" title={c.data?.product.name ?? t('cases.title')} description={<Link to="/cases">← {t('case.back')}</Link>}>
      <Loaded panel={c}>{(data) => <CaseBody c={data} onMoved={reload} />}</Loaded>
    </Page>
  );
}

function CaseBody({ c, onMoved }: { c: Case; onMoved(): void }) {
  const { t } = useTranslation('products');
  return (
    <div className="enf-stack" data-testid="case-detail" data-status={c.status}>
      <section className="card enf-head">
        <div>
          <ProductLine product={c.product} />
          {c.producer && (
            <div className="muted">
              {t('flag.producer')}: {c.producer}
            </div>
          )}
          <div className="enf-meta">
            <span className={`badge enf-case-${c.status}`} data-testid="case-status">
              {t(`caseStatus.${c.status}`)}
            </span>
            <span className={`badge ${c.public ? 'badge-success' : ''}`}>{c.public ? t('case.publicYes') : t('case.publicNo')}</span>
            <span className="muted">{c.bureauName}</span>
            <Link to={`/flags/${c.flagId}`}>{t('case.flag')}</Link>
            {c.status === 'recall' && <Link to={`/cases/${c.id}/recall-notice`}>{t('recalls:publish.link')}</Link>}
          </div>
          {c.finding && (
            <p>
              <strong>{t('public.finding')}：</strong>
              {c.finding}
            </p>
          )}
          {c.measures && (
            <p>
              <strong>{t('public.measures')}：</strong>
              {c.measures}
            </p>
          )}
        </div>
      </section>
      <CaseActions c={c} onMoved={onMoved} />
      <section className="card">
        <h2>{t('case.log')}</h2>
        <ol className="enf-log" data-testid="case-log">
          {[...c.log].reverse().map((l) => (
            <li key={l.seq}>
              <div>
                <strong>{l.action === 'open' ? t('caseStatus.open') : t(`caseActions.${l.action}`)}</strong>
                <span className="muted">
                  {' '}
                  · {l.actorName} · {formatDateTime(l.at)}
                </span>
              </div>
              <div>{l.note}</div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function CaseActions({ c, onMoved }: { c: Case; onMoved(): void }) {
  const { t } = useTranslation('products');
  const user = useUser();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [note, setNote] = useState('');
  const [finding, setFinding] = useState(c.finding ?? '');
  const [measures, setMeasures] = useState(c.measures ?? '');
  const [pub, setPub] = useState(c.public);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const publishable = !!finding.trim() && !!measures.trim();
  const next = CASE_ACTIONS.filter((a) => CASE_TRANSITIONS[a].from.includes(c.status));
  if (user.role !== 'regulator') return null;

  async function submit() {
    if (!action || !note.trim()) return;
    setBusy(true);
    setMessage(null);
    try {
      const moved = await moveCase(c.id, {
        action,
        note: note.trim(),
        expectedVersion: c.version,
        public: pub,
        finding: finding.trim() || undefined,
        measures: measures.trim() || undefined,
      });
      setMessage({ tone: 'success', text: t('case.moved', { status: t(`caseStatus.${moved.status}`) }) });
      setAction(null);
      setNote('');
      onMoved();
    } catch (e) {
      setMessage({ tone: 'danger', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="case-actions">
      <h2>{t('case.actions')}</h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {next.length === 0 ? (
        <p className="muted">{t('case.noActions')}</p>
      ) : (
        <div className="button-row">
          {next.map((a) => (
            <button
              key={a}
              className={`button ${a === 'dismiss' ? 'button-outline-danger' : action === a ? 'button-primary' : ''}`}
              onClick={() => setAction(a)}
              data-testid={`case-action-${a}`}
            >
              {t(`caseActions.${a}`)}
            </button>
          ))}
        </div>
      )}
      {action && (
        <form
          className="enf-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <TextAreaField
            label={
              <>
                {t('case.note')} · {t(`caseActions.${action}`)}
              </>
            }
            required
            maxLength={4000}
            placeholder={t('case.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="case-action-note"
          />
          <TextAreaField
            label={t('case.finding')}
            required={pub}
            maxLength={4000}
            value={finding}
            onChange={(e) => setFinding(e.target.value)}
            data-testid="case-finding"
          />
          <TextAreaField
            label={t('case.measures')}
            required={pub}
            maxLength={4000}
            value={measures}
            onChange={(e) => setMeasures(e.target.value)}
            data-testid="case-measures"
          />
          <label className="checkbox">
            <input type="checkbox" checked={pub} onChange={(e) => setPub(e.target.checked)} data-testid="case-public" />
            {t('case.makePublic')}
          </label>
          {/* Consumers read a public case: it needs what was found and what was done. */}
          {pub && !publishable && (
            <p className="field-error" data-testid="case-public-needs">
              {t('case.publicNeeds')}
            </p>
          )}
          <div className="button-row">
            <Button
              className="button button-primary"
              busy={busy}
              disabled={!note.trim() || (pub && !publishable)}
              data-testid="case-action-submit"
            >
              {t('case.submit')}
            </Button>
            <button type="button" className="button button-ghost" onClick={() => setAction(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
