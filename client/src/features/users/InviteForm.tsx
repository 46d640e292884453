// Invite by email: the invitee gets a single-use link to set a password.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextField } from '../../components/form/TextField';
import { CityCountyPicker } from '../complaints/regions';
import { inviteAccount } from './api';

export interface StoreChoice {
  id: string;
  name: string;
}

interface Props {
  admin: boolean;
  stores?: StoreChoice[];
  onInvited(name: string): void;
}

export function InviteForm({ admin, stores, onInvited }: Props) {
  const { t } = useTranslation('users');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'admin' | 'regulator'>('regulator');
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');
  // The bureau the officer joins: a county's, a city's, or the province's when neither is chosen.
  const regionCode = county || city || '33';
  const [storeId, setStoreId] = useState('');
  const { busy, error, submit } = useSubmit();

  async function invite() {
    await inviteAccount({
      name: name.trim(),
      email: email.trim(),
      ...(admin ? { role, ...(role === 'regulator' ? { regionCode } : {}) } : {}),
      ...(storeId ? { storeId } : {}),
    });
    onInvited(name.trim());
    setName('');
    setEmail('');
  }

  return (
    <form className="card invite-form" onSubmit={submit(invite)} data-testid="invite-form">
      <h2>{t('invite.title')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('invite.name')}
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="invite-name"
        />
        <TextField
          label={t('invite.email')}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="invite-email"
        />
        {admin && (
          <div className="field">
            <label htmlFor="invite-role">{t('role')}</label>
            <select
              id="invite-role"
              value={role}
              onChange={(e) => setRole(e.target.value as 'admin' | 'regulator')}
              data-testid="invite-role"
            >
              <option value="regulator">{t('roles.regulator', { ns: 'common' })}</option>
              <option value="admin">{t('roles.admin', { ns: 'common' })}</option>
            </select>
          </div>
        )}
        {admin && role === 'regulator' && (
          <CityCountyPicker
            prefix="invite-region"
            city={city}
            county={county}
            onChange={(c, k) => {
              setCity(c);
              setCounty(k);
            }}
            cityLabel={t('invite.city')}
            countyLabel={t('invite.county')}
            empty={t('invite.wholeRegion')}
          />
        )}
        {stores && (
          <div className="field">
            <label htmlFor="invite-store">{t('invite.store')}</label>
            <select id="invite-store" value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="invite-store">
              <option value="">{t('hq')}</option>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <Button type="submit" className="button button-primary" busy={busy} busyLabel={t('working.invite')} data-testid="invite-submit">
        {t('invite.submit')}
      </Button>
    </form>
  );
}
