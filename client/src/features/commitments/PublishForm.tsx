// Publishing a commitment: scope, stores, window (≥ 7 days), categories, conditions, refund time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../../shared/enums';
import { LEGAL_EXCLUSIONS } from '../../../../shared/schemas/returns';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../i18n/format';
import type { Store } from '../returns/api';
import { publishCommitment, type Commitment, type NewCommitment } from './api';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextAreaField } from '../../components/form/TextAreaField';
import { TextField } from '../../components/form/TextField';

const CHOOSABLE = CATEGORIES.filter((c) => !(LEGAL_EXCLUSIONS as readonly string[]).includes(c));

interface Props {
  stores: Store[];
  /** The merchant's active commitments: a new one covering the same stores is published only after a warning. */
  active: Commitment[];
  onPublished(c: Commitment): void;
}

export function PublishForm({ stores, active, onPublished }: Props) {
  const { t } = useTranslation(['commitments', 'returns']);
  const [scope, setScope] = useState<NewCommitment['scope']>(stores.length > 1 ? 'chain_province' : 'store');
  const [storeIds, setStoreIds] = useState<string[]>(stores.map((s) => s.id));
  const [windowDays, setWindow] = useState('7');
  const [refundHours, setRefund] = useState('24');
  const [covered, setCovered] = useState<string[]>([]);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [conditions, setConditions] = useState(t('defaultConditions'));
  const { busy, error, submit } = useSubmit();

  const overlapping = active.filter((c) => c.stores.some((s) => storeIds.includes(s.id)));

  const toggle = (list: string[], set: (v: string[]) => void, v: string) =>
    set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  async function publish() {
    const c = await publishCommitment({
      scope,
      storeIds,
      windowDays: Number(windowDays),
      refundWithinHours: Number(refundHours),
      categories: covered,
      excludedCategories: excluded,
      conditions: conditions.trim(),
    });
    onPublished(c);
  }

  const checks = (list: string[], set: (v: string[]) => void, prefix: string) => (
    <div className="checkbox-grid">
      {CHOOSABLE.map((c) => (
        <label key={c} className="checkbox">
          <input type="checkbox" data-testid={`${prefix}-${c}`} checked={list.includes(c)} onChange={() => toggle(list, set, c)} />
          {t(`categories.${c}`)}
        </label>
      ))}
    </div>
  );

  return (
    <form className="card" onSubmit={submit(publish)} data-testid="publish-form">
      <h2>{t('publish.title')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="publish-scope">{t('publish.scope')}</label>
          <select
            id="publish-scope"
            data-testid="publish-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as NewCommitment['scope'])}
          >
            {(['store', 'chain_city', 'chain_province'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`returns:scope.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('publish.windowDays')}
          data-testid="publish-window"
          type="number"
          min={7}
          max={365}
          required
          value={windowDays}
          onChange={(e) => setWindow(e.target.value)}
        />
        <TextField
          label={t('publish.refundHours')}
          type="number"
          min={1}
          max={720}
          required
          value={refundHours}
          onChange={(e) => setRefund(e.target.value)}
        />
      </div>
      <fieldset className="merchant-fields">
        <legend>{t('publish.stores')}</legend>
        <div className="checkbox-grid">
          {stores.map((s) => (
            <label key={s.id} className="checkbox">
              <input type="checkbox" checked={storeIds.includes(s.id)} onChange={() => toggle(storeIds, setStoreIds, s.id)} />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="merchant-fields">
        <legend>{t('publish.covered')}</legend>
        {checks(covered, setCovered, 'publish-cover')}
      </fieldset>
      <fieldset className="merchant-fields">
        <legend>{t('publish.excluded')}</legend>
        {checks(excluded, setExcluded, 'publish-exclude')}
        <p className="field-hint">
          {t('legal')} {LEGAL_EXCLUSIONS.map((c) => t(`categories.${c}`)).join('、')}
        </p>
      </fieldset>
      <TextAreaField
        label={t('conditions')}
        rows={3}
        required
        maxLength={2000}
        value={conditions}
        onChange={(e) => setConditions(e.target.value)}
      />
      {overlapping.length > 0 && (
        <Alert tone="warning" testId="publish-overlap">
          <strong>{t('publish.overlapTitle')}</strong>
          <ul className="reason-list">
            {overlapping.map((c) => (
              <li key={c.id} data-testid={`publish-overlap-${c.id}`}>
                {t('publish.overlap', {
                  scope: t(`returns:scope.${c.scope}`),
                  date: formatDate(c.createdAt),
                  windowDays: c.windowDays,
                  stores: c.stores
                    .filter((s) => storeIds.includes(s.id))
                    .map((s) => s.name)
                    .join('、'),
                })}
              </li>
            ))}
          </ul>
          <p>{t('publish.overlapHint')}</p>
        </Alert>
      )}
      <div className="button-row">
        <Button className="button button-primary" type="submit" busy={busy} disabled={storeIds.length === 0} data-testid="publish-submit">
          {overlapping.length > 0 ? t('publish.submitAnyway') : t('publish.submit')}
        </Button>
      </div>
    </form>
  );
}
