// Accounts one manages (admins: all; a bureau: its officers; merchant headquarters: its staff): search,
// filters, result count, invite, disable / enable / re-invite, and the audit trail, refreshed after each change.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_STATUSES, ROLES } from '../../../../shared/enums';
import { Alert } from '../../components/Alert';
import { ChoiceField } from '../../components/form/ChoiceField';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { TextField } from '../../components/form/TextField';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { useLoad } from '../returns/useLoad';
import { accountAction, listAccounts, listAudit, type Account } from './api';
import { InviteForm, type StoreChoice } from './InviteForm';
import './users.css';

interface Props {
  /** Admins filter by role and invite admins or officers of any region's bureau. */
  admin: boolean;
  /** Merchant headquarters: invitees join one of these stores, or all (HQ). */
  stores?: StoreChoice[];
}

export function AccountsPanel({ admin, stores }: Props) {
  const { t } = useTranslation('users');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState({ q: '', role: '', status: '' });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const list = useLoad((signal) => listAccounts(query, signal), [query.q, query.role, query.status]);
  const audit = useLoad((signal) => listAudit(signal), []);
  const refresh = () => {
    list.reload();
    audit.reload();
  };

  async function act(a: Account, action: 'disable' | 'enable' | 'resend-invitation') {
    setBusy(`${a.id}:${action}`);
    try {
      await accountAction(a.id, action);
      setNotice({ tone: 'success', text: t(`done.${action}`, { name: a.name }) });
      refresh();
    } catch (e) {
      setNotice({ tone: 'danger', text: describeError(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="accounts">
      {notice && (
        <Alert tone={notice.tone} testId="accounts-notice">
          {notice.text}
        </Alert>
      )}
      <InviteForm
        admin={admin}
        stores={stores}
        onInvited={(name) => {
          setNotice({ tone: 'success', text: t('done.invite', { name }) });
          refresh();
        }}
      />
      <form
        className="filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery((x) => ({ ...x, q: q.trim() }));
        }}
      >
        <TextField
          label={t('search')}
          type="search"
          value={q}
          placeholder={t('searchHint')}
          onChange={(e) => setQ(e.target.value)}
          data-testid="accounts-search"
        />
        {admin && (
          <ChoiceField
            label={t('role')}
            value={query.role}
            onChange={(role) => setQuery((x) => ({ ...x, role }))}
            any={t('any')}
            options={ROLES.map((r) => [r, t(`roles.${r}`, { ns: 'common' })] as const)}
            testId="accounts-role"
          />
        )}
        <ChoiceField
          label={t('status')}
          value={query.status}
          onChange={(status) => setQuery((x) => ({ ...x, status }))}
          any={t('any')}
          options={ACCOUNT_STATUSES.map((s) => [s, t(`statuses.${s}`)] as const)}
          testId="accounts-status"
        />
        <button className="button" data-testid="accounts-search-submit">
          {t('searchSubmit')}
        </button>
      </form>
      {list.error && <Alert tone="danger">{list.error}</Alert>}
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <p className="muted" data-testid="accounts-count">
            {t('count', { shown: list.data.items.length, total: list.data.total })}
          </p>
          <ul className="account-list" data-testid="account-list">
            {list.data.items.map((a) => (
              <li key={a.id} className="card account-card" data-testid={`account-${a.email}`}>
                <div>
                  <div className="cell-strong">{a.name}</div>
                  <div className="muted">{a.email}</div>
                  <div className="muted">
                    {[a.orgName, a.storeName ?? (a.role === 'merchant' ? t('hq') : null)].filter(Boolean).join(' · ')}
                  </div>
                </div>
                <div className="badge-stack">
                  <span className="badge badge-role">{t(`roles.${a.role}`, { ns: 'common' })}</span>
                  <span
                    className={`badge ${a.status === 'active' ? 'badge-success' : a.status === 'disabled' ? 'badge-danger' : 'badge-warning'}`}
                    data-testid="account-status"
                  >
                    {t(`statuses.${a.status}`)}
                  </span>
                </div>
                {a.manageable && (
                  <div className="button-row">
                    {a.status === 'invited' && (
                      <Button
                        className="button"
                        busy={busy === `${a.id}:resend-invitation`}
                        busyLabel={t('working.resend')}
                        onClick={() => void act(a, 'resend-invitation')}
                        data-testid="account-resend"
                      >
                        {t('resend')}
                      </Button>
                    )}
                    {a.status === 'disabled' ? (
                      <Button
                        className="button"
                        busy={busy === `${a.id}:enable`}
                        busyLabel={t('working.enable')}
                        onClick={() => void act(a, 'enable')}
                        data-testid="account-enable"
                      >
                        {t('enable')}
                      </Button>
                    ) : (
                      <Button
                        className="button button-outline-danger"
                        busy={busy === `${a.id}:disable`}
                        busyLabel={t('working.disable')}
                        onClick={() => void act(a, 'disable')}
                        data-testid="account-disable"
                      >
                        {t('disable')}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <section className="card" data-testid="audit-trail">
        <h2>{t('audit.title')}</h2>
        {audit.data && audit.data.items.length === 0 && <p className="muted">{t('audit.empty')}</p>}
        <ul className="audit-list">
          {audit.data?.items.map((e) => (
            <li key={e.id}>
              <span className="muted">{formatDateTime(e.at)}</span>{' '}
              {t(`audit.${e.action}`, { actor: e.actorName, target: `${e.targetName}（${e.targetEmail}）` })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
