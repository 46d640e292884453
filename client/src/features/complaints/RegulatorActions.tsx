// The bureau's moves: accept for mediation, decline on an art. 15 ground, transfer to another county,
// and record how mediation ended.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECLINE_REASONS } from '../../../../shared/schemas/complaint';
import { Alert } from '../../components/Alert';
import { TemplatedTextarea } from '../templates/TemplatePicker';
import { CityCountyPicker } from './regions';
import { useAction, type Act } from './useAction';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/form/TextAreaField';

type DeclineReason = (typeof DECLINE_REASONS)[number];

interface Props {
  complaintId: string;
  act: Act;
  allowed: readonly string[];
  urgentEarly: boolean;
  currentRegion: string;
}

export function RegulatorActions({ complaintId, act, allowed, urgentEarly, currentRegion }: Props) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [declineNote, setDeclineNote] = useState('');
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');

  return (
    <section className="card action-card" data-testid="regulator-actions">
      <h2>{t('regulator.title')}</h2>
      {urgentEarly && <Alert tone="warning">{t('regulator.urgentHint')}</Alert>}
      {error && <Alert tone="danger">{error}</Alert>}
      {allowed.includes('accept') && (
        <div className="button-row">
          <Button
            className="button button-primary"
            busy={busy}
            onClick={() => void run({ action: 'accept' })}
            data-testid="regulator-accept"
          >
            {t('regulator.accept')}
          </Button>
        </div>
      )}
      {allowed.includes('decline') && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) void run({ action: 'decline', reasonCode: reason, ...(declineNote.trim() ? { note: declineNote.trim() } : {}) });
          }}
        >
          <div className="field grow">
            <label htmlFor="decline-reason">{t('regulator.declineReason')}</label>
            <select
              id="decline-reason"
              required
              value={reason}
              onChange={(e) => setReason(e.target.value as DeclineReason)}
              data-testid="decline-reason"
            >
              <option value="">{t('regulator.choose')}</option>
              {DECLINE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`declineReasons.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <TemplatedTextarea
            className="field grow"
            complaintId={complaintId}
            id="decline-note"
            label={t('regulator.declineNote')}
            value={declineNote}
            onChange={setDeclineNote}
            maxLength={2000}
            rows={2}
            testId="decline-note"
            pickerId="decline"
          />
          <Button className="button button-outline-danger align-end" busy={busy} disabled={!reason} data-testid="decline-submit">
            {t('regulator.decline')}
          </Button>
        </form>
      )}
      {allowed.includes('transfer') && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (county) void run({ action: 'transfer', toRegion: county });
          }}
        >
          <CityCountyPicker
            prefix="transfer"
            city={city}
            county={county}
            onChange={(c, k) => {
              setCity(c);
              setCounty(k);
            }}
            cityLabel={t('filters.city')}
            countyLabel={t('regulator.transferTo')}
            empty={t('regulator.choose')}
            fieldClass="grow"
            countyRequired
            exclude={currentRegion}
          />
          <Button className="button align-end" busy={busy} disabled={!county} data-testid="transfer-submit">
            {t('regulator.transfer')}
          </Button>
        </form>
      )}
    </section>
  );
}

export function MediationForm({ act }: { act: Act }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [result, setResult] = useState<'succeeded' | 'failed'>('succeeded');
  const [text, setText] = useState('');
  return (
    <form
      className="card action-card"
      onSubmit={(e) => {
        e.preventDefault();
        const body = text.trim();
        void run(
          result === 'succeeded' ? { action: 'mediation_succeeded', agreement: body } : { action: 'mediation_failed', reason: body },
        );
      }}
      data-testid="mediation-form"
    >
      <h2>{t('regulator.mediationTitle')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <fieldset className="choice-row" aria-label={t('regulator.mediationTitle')}>
        <label className="choice">
          <input
            type="radio"
            name="mediation"
            checked={result === 'succeeded'}
            onChange={() => setResult('succeeded')}
            data-testid="mediation-succeeded"
          />
          {t('regulator.succeeded')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="mediation"
            checked={result === 'failed'}
            onChange={() => setResult('failed')}
            data-testid="mediation-failed"
          />
          {t('regulator.failed')}
        </label>
      </fieldset>
      <TextAreaField
        label={t(result === 'succeeded' ? 'regulator.agreement' : 'regulator.failedReason')}
        rows={3}
        required
        maxLength={result === 'succeeded' ? 5000 : 2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="mediation-text"
      />
      <div className="button-row">
        <Button className="button button-primary" busy={busy} disabled={!text.trim()} data-testid="mediation-submit">
          {t('regulator.submit')}
        </Button>
      </div>
    </form>
  );
}
