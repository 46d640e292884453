// 通知设置 (account menu): how each kind of event reaches me beyond the app, and, for regulators,
// subscriptions to a category, merchant, product or region beyond their jurisdiction. Each change is saved at once.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '../../../../shared/enums';
import { DELIVERIES, type Delivery, type EventKind } from '../../../../shared/schemas/notificationSettings';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useSubmit } from '../../components/useSubmit';
import { TextField } from '../../components/form/TextField';
import { describeError } from '../../i18n/errors';
import { CityCountyPicker } from '../complaints/regions';
import { searchProducts } from '../products/api';
import {
  addSubscription,
  findMerchants,
  getSettings,
  removeSubscription,
  saveDeliveries,
  type NotificationSettings,
  type SubscriptionInput,
} from './api';
import './notifications.css';

type Target = 'category' | 'merchant' | 'product' | 'region';
/** The targets picked by searching their names: what to search, per target. */
const FINDERS = {
  merchant: (q: string, signal: AbortSignal) => findMerchants(q, signal),
  product: (q: string, signal: AbortSignal) => searchProducts(q, '', signal).then((r) => r.items),
} satisfies Record<string, (q: string, signal: AbortSignal) => Promise<{ id: string; name: string }[]>>;
type SearchedTarget = keyof typeof FINDERS;
const searched = (t: Target): t is SearchedTarget => t in FINDERS;

function AddSubscription({ onSaved }: { onSaved(s: NotificationSettings): void }) {
  const { t } = useTranslation('notifications');
  const [target, setTarget] = useState<Target>('category');
  const [category, setCategory] = useState<Category | ''>('');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ id: string; name: string }[] | null>(null);
  const [picked, setPicked] = useState('');
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    if (!searched(target) || !q.trim()) return;
    const abort = new AbortController();
    FINDERS[target](q.trim(), abort.signal).then(setFound, () => {});
    return () => abort.abort();
  }, [target, q]);

  const input: SubscriptionInput | null =
    target === 'category'
      ? category
        ? { target, value: category }
        : null
      : searched(target)
        ? picked
          ? { target, value: picked }
          : null
        : city
          ? { target, value: county || city }
          : null;

  // A search typed for one target means nothing for another: start the next one empty.
  function pickTarget(next: Target) {
    setTarget(next);
    setQ('');
    setFound(null);
    setPicked('');
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!input) return;
    void run(async () => onSaved(await addSubscription(input)));
  }

  return (
    <form className="subscription-form" onSubmit={submit} data-testid="subscription-form">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="form-row">
        <div className="field">
          <label htmlFor="sub-target">{t('settings.subs.target')}</label>
          <select id="sub-target" value={target} onChange={(e) => pickTarget(e.target.value as Target)} data-testid="sub-target">
            {(['category', 'merchant', 'product', 'region'] as const).map((x) => (
              <option key={x} value={x}>
                {t(`settings.subs.targets.${x}`)}
              </option>
            ))}
          </select>
        </div>
        {target === 'category' && (
          <div className="field">
            <label htmlFor="sub-category">{t('settings.subs.category')}</label>
            <select id="sub-category" value={category} onChange={(e) => setCategory(e.target.value as Category)} data-testid="sub-category">
              <option value="">{t('settings.subs.choose')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {searched(target) && (
          <>
            <TextField
              label={t(`settings.subs.search.${target}`)}
              value={q}
              maxLength={100}
              onChange={(e) => setQ(e.target.value)}
              data-testid={`sub-${target}-q`}
            />
            <div className="field">
              <label htmlFor={`sub-${target}`}>{t(`settings.subs.targets.${target}`)}</label>
              <select id={`sub-${target}`} value={picked} onChange={(e) => setPicked(e.target.value)} data-testid={`sub-${target}`}>
                <option value="">{found && !found.length ? t(`settings.subs.none.${target}`) : t('settings.subs.choose')}</option>
                {(found ?? []).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {target === 'region' && (
          <CityCountyPicker
            prefix="sub"
            city={city}
            county={county}
            onChange={(c, k) => (setCity(c), setCounty(k))}
            cityLabel={t('settings.subs.city')}
            countyLabel={t('settings.subs.county')}
            empty={t('settings.subs.anyCounty')}
          />
        )}
      </div>
      <div className="button-row">
        <Button className="button button-primary" busy={busy} busyLabel={t('settings.subs.adding')} disabled={!input} data-testid="sub-add">
          {t('settings.subs.add')}
        </Button>
      </div>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation('notifications');
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    getSettings(abort.signal).then(setSettings, (e: unknown) => abort.signal.aborted || setError(describeError(e)));
    return () => abort.abort();
  }, []);

  async function change(key: string, work: () => Promise<NotificationSettings>) {
    setSaving(key);
    setSaved(null);
    setError(null);
    try {
      setSettings(await work());
      setSaved(key);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(null);
    }
  }

  return (
    <Page testId="page-notification-settings" title={t('settings.title')} description={t('settings.description')}>
      {error && <Alert tone="danger">{t('settings.loadFailed', { message: error })}</Alert>}
      {!settings ? (
        !error && <Loading />
      ) : (
        <>
          <div className="card table-card">
            <table className="table" data-testid="delivery-table">
              <thead>
                <tr>
                  <th>{t('settings.kind')}</th>
                  <th>{t('settings.delivery')}</th>
                </tr>
              </thead>
              <tbody>
                {settings.deliveries.map(({ kind, delivery }) => (
                  <tr key={kind} data-testid={`delivery-${kind}`}>
                    <td>{t(`settings.kinds.${kind}`)}</td>
                    <td>
                      <select
                        aria-label={t(`settings.kinds.${kind}`)}
                        value={delivery}
                        disabled={saving === kind}
                        onChange={(e) => void change(kind, () => saveDeliveries({ [kind as EventKind]: e.target.value as Delivery }))}
                        data-testid={`delivery-select-${kind}`}
                      >
                        {DELIVERIES.map((d) => (
                          <option key={d} value={d}>
                            {t(`settings.deliveries.${d}`)}
                          </option>
                        ))}
                      </select>{' '}
                      {saving === kind && <span className="muted">{t('settings.saving')}</span>}
                      {saved === kind && (
                        <span className="muted" data-testid="delivery-saved">
                          {t('settings.saved')}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {settings.canSubscribe && (
            <section className="card" data-testid="subscriptions">
              <h2>{t('settings.subs.title')}</h2>
              <p className="muted">{t('settings.subs.description')}</p>
              {settings.subscriptions.length === 0 ? (
                <p className="muted">{t('settings.subs.empty')}</p>
              ) : (
                <ul className="subscription-list">
                  {settings.subscriptions.map((s) => (
                    <li key={s.key} data-testid="subscription">
                      <span className="badge">{t(`settings.subs.targets.${s.target}`)}</span>{' '}
                      {s.target === 'category' ? t(`categories.${s.value}`) : s.label}{' '}
                      <Button
                        className="button"
                        busy={saving === s.key}
                        busyLabel={t('settings.subs.removing')}
                        onClick={() => void change(s.key, () => removeSubscription(s.key))}
                        data-testid="subscription-remove"
                      >
                        {t('settings.subs.remove')}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              <AddSubscription onSaved={setSettings} />
            </section>
          )}
        </>
      )}
    </Page>
  );
}
