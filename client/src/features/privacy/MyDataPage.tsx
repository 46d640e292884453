import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { MoreButton } from '../../components/MoreButton';
import { Page } from '../../components/Page';
import { TextField } from '../../components/form/TextField';
import { useBusy } from '../../components/useBusy';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { closeSocket } from '../../realtime/socket';
import { usePanel } from '../dashboard/usePanel';
import { closeAccount, DATA_ZIP_URL, listAccess, type DataAccess } from './api';
import './privacy.css';

/** Who saw the consumer's personal data, newest first; "more" appends the next page by cursor. */
function AccessLog() {
  const { t } = useTranslation('privacy');
  const first = usePanel((s) => listAccess(null, s), 'access', 0);
  const [more, setMore] = useState<{ items: DataAccess[]; next: string | null } | null>(null);
  if (first.error) return <Alert tone="danger">{t('loadFailed', { message: first.error })}</Alert>;
  if (!first.data) return <Loading />;
  const rows = [...first.data.items, ...(more?.items ?? [])];
  const next = more ? more.next : first.data.nextCursor;
  if (!rows.length) return <EmptyState title={t('log.emptyTitle')} hint={t('log.emptyHint')} />;
  return (
    <>
      <p className="muted" data-testid="access-log-count">
        {t(next ? 'log.countMore' : 'log.count', { count: rows.length })}
      </p>
      <div className="table-card">
        <table className="table" data-testid="access-log">
          <thead>
            <tr>
              <th>{t('log.when')}</th>
              <th>{t('log.who')}</th>
              <th>{t('log.what')}</th>
              <th>{t('log.complaint')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.viewerName} <span className="muted">{[t(`roles.${e.viewerRole}`), e.viewerOrg].filter(Boolean).join(' · ')}</span>
                </td>
                <td>{t(`kinds.${e.what}`)}</td>
                <td>
                  <Link to={`/complaints/${e.complaintId}`}>{e.complaintNumber}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton
        next={next}
        load={(cursor) => listAccess(cursor)}
        onPage={(page) => setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], next: page.nextCursor }))}
        label={t('log.more')}
        busyLabel={t('log.loading')}
        testId="access-log-more"
      />
    </>
  );
}

function CloseAccount() {
  const { t } = useTranslation('privacy');
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { busy, track } = useBusy();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed) return setError(t('close.needConfirm'));
    void track('close', async () => {
      try {
        await closeAccount({ password, confirm: true });
        closeSocket();
        // The session is gone on the server; a fresh page at sign-in keeps nothing of the account in memory.
        window.location.replace('/login');
      } catch (err) {
        setError(describeError(err));
      }
    });
  };
  return (
    <form className="card privacy-close" onSubmit={submit} data-testid="close-account-form">
      <h2>{t('close.title')}</h2>
      <p>{t('close.what')}</p>
      <ul>
        <li>{t('close.erased')}</li>
        <li>{t('close.kept')}</li>
        <li>{t('close.sessions')}</li>
      </ul>
      <TextField
        name="password"
        type="password"
        autoComplete="current-password"
        label={t('close.password')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="close-account-confirm" />{' '}
        {t('close.confirm')}
      </label>
      {error && (
        <Alert tone="danger" testId="close-account-error">
          {error}
        </Alert>
      )}
      <Button
        type="submit"
        className="button button-danger"
        busy={busy === 'close'}
        busyLabel={t('close.closing')}
        data-testid="close-account-submit"
      >
        {t('close.submit')}
      </Button>
    </form>
  );
}

/** 我的数据: download everything, see who saw it, close the account. */
export function MyDataPage() {
  const { t } = useTranslation('privacy');
  return (
    <Page testId="page-my-data" title={t('title')} description={t('description')}>
      <section className="card privacy-section">
        <h2>{t('download.title')}</h2>
        <p>{t('download.text')}</p>
        <a className="button" href={DATA_ZIP_URL} download data-testid="download-my-data">
          {t('download.button')}
        </a>
      </section>
      <section className="privacy-section">
        <h2>{t('log.title')}</h2>
        <p className="muted">{t('log.text')}</p>
        <AccessLog />
      </section>
      <CloseAccount />
    </Page>
  );
}
