// Name, county (the complaint wizard's city → county picker) and address of a store; adds or edits.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextField } from '../../components/form/TextField';
import { CityCountyPicker } from '../complaints/regions';
import type { ManagedStore, StoreInput } from './api';

interface Props {
  initial?: ManagedStore;
  testId: string;
  submitLabel: string;
  busyLabel: string;
  onSubmit(input: StoreInput): Promise<void>;
  onCancel?(): void;
}

export function StoreForm({ initial, testId, submitLabel, busyLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('stores');
  const [name, setName] = useState(initial?.name ?? '');
  const [city, setCity] = useState(initial?.cityCode ?? '');
  const [county, setCounty] = useState(initial?.countyCode ?? '');
  const [address, setAddress] = useState(initial?.address ?? '');
  const { busy, error, setError, run } = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!county) return setError(t('form.countyRequired'));
    void run(() => onSubmit({ name: name.trim(), countyCode: county, address: address.trim() }));
  }

  return (
    <form className="store-form" onSubmit={submit} data-testid={testId}>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('form.name')}
          value={name}
          required
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          data-testid={`${testId}-name`}
        />
        <CityCountyPicker
          prefix={`${testId}-region`}
          city={city}
          county={county}
          onChange={(c, k) => {
            setCity(c);
            setCounty(k);
          }}
          cityLabel={t('form.city')}
          countyLabel={t('form.county')}
          empty={t('form.choose')}
          countyRequired
        />
        <div className="field store-form-address">
          <label htmlFor={`${testId}-address`}>{t('form.address')}</label>
          <input
            id={`${testId}-address`}
            value={address}
            required
            maxLength={300}
            onChange={(e) => setAddress(e.target.value)}
            data-testid={`${testId}-address`}
          />
        </div>
      </div>
      <div className="button-row">
        <Button type="submit" className="button button-primary" busy={busy} busyLabel={busyLabel} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
        {onCancel && (
          <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
            {t('actions.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
