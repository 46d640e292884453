import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { CATEGORIES, SAFETY_KINDS } from '../../../../shared/enums';
import { INJURY_SEVERITIES, REPORTER_ROLES, reportIncidentSchema } from '../../../../shared/schemas/incidents';
import type { ProductSnapshot } from '../../../../shared/schemas/products';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useSubmit } from '../../components/useSubmit';
import { TextAreaField } from '../../components/form/TextAreaField';
import { describeError } from '../../i18n/errors';
import { useRegions } from '../dashboard/regions';
import { ProductLine } from './parts';
import { findProducts, reportIncident } from './safetyApi';
import { TextField } from '../../components/form/TextField';
import './products.css';

/** "2026-11-30T14:05" in the browser's clock, as a datetime-local input holds it. */
const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A merchant reports a product-safety incident: the product (a record, or described), the injuries, what happened, where and when. */
export function ReportIncidentPage() {
  const { t } = useTranslation('products');
  const navigate = useNavigate();
  const regions = useRegions();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ProductSnapshot[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<ProductSnapshot | null>(null);
  const [describe, setDescribe] = useState(false);
  const [product, setProduct] = useState({ name: '', category: 'other', brand: '', model: '', gtin: '', producer: '' });
  const [f, setF] = useState({
    reporterRole: 'seller',
    kind: 'injury',
    injuredCount: '0',
    severity: 'none',
    description: '',
    city: '',
    countyCode: '',
    address: '',
    occurredAt: localNow(),
  });
  const { busy, error, setError, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const setP = (k: keyof typeof product) => (e: { target: { value: string } }) => setProduct({ ...product, [k]: e.target.value });

  async function search() {
    if (!q.trim()) return;
    setSearching(true);
    try {
      setFound((await findProducts(q.trim())).items);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSearching(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!picked && !describe) return setError(t('incidents.form.needProduct'));
    const optional = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim()));
    const parsed = reportIncidentSchema.safeParse({
      ...(picked ? { productId: picked.id } : { product: optional(product) }),
      reporterRole: f.reporterRole,
      kind: f.kind,
      injuredCount: Number(f.injuredCount),
      severity: f.severity,
      description: f.description,
      countyCode: f.countyCode,
      address: f.address,
      occurredAt: f.occurredAt ? new Date(f.occurredAt).toISOString() : '',
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；'));
      return;
    }
    await run(
      async () => {
        const r = await reportIncident(parsed.data);
        navigate(`/incidents/${r.id}`);
      },
      { leaves: true },
    );
  }

  /** A labelled select of [value, name] options. */
  const choice = (
    id: string,
    label: string,
    value: string,
    onChange: (e: { target: { value: string } }) => void,
    options: [string, string][],
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Page
      testId="page-report-incident"
      title={t('incidents.form.title')}
      description={<Link to="/incidents">← {t('incidents.back')}</Link>}
    >
      <form className="card enf-form" onSubmit={submit} noValidate>
        <p className="muted">{t('incidents.form.intro')}</p>
        {picked ? (
          <div className="field" data-testid="incident-picked">
            <span className="muted">{t('incidents.form.picked')}</span> <ProductLine product={picked} />{' '}
            <button type="button" className="button button-ghost" onClick={() => setPicked(null)}>
              {t('incidents.form.change')}
            </button>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="incident-search">{t('incidents.form.search')}</label>
              <div className="enf-meta">
                <input
                  id="incident-search"
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void search())}
                />
                <Button
                  type="button"
                  busy={searching}
                  busyLabel={t('incidents.form.searching')}
                  onClick={() => void search()}
                  data-testid="incident-search-button"
                >
                  {t('incidents.form.searchButton')}
                </Button>
              </div>
            </div>
            {found && found.length === 0 && <p className="muted">{t('incidents.form.noMatch')}</p>}
            {found && found.length > 0 && (
              <ul className="enf-picks" data-testid="incident-products">
                {found.map((p) => (
                  <li key={p.id}>
                    <span>
                      <ProductLine product={p} />
                    </span>
                    <button type="button" className="button" onClick={() => setPicked(p)} data-testid={`incident-pick-${p.id}`}>
                      {t('incidents.form.pick')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <label className="enf-check">
              <input type="checkbox" checked={describe} onChange={(e) => setDescribe(e.target.checked)} data-testid="incident-describe" />{' '}
              {t('incidents.form.newProduct')}
            </label>
            {describe && (
              <div className="enf-grid">
                {(['name', 'brand', 'model', 'gtin', 'producer'] as const).map((k) => (
                  <div className="field" key={k}>
                    <label htmlFor={`incident-product-${k}`}>{t(`incidents.form.${k}`)}</label>
                    <input id={`incident-product-${k}`} value={product[k]} onChange={setP(k)} />
                  </div>
                ))}
                {choice(
                  'incident-product-category',
                  t('incidents.form.category'),
                  product.category,
                  setP('category'),
                  CATEGORIES.map((c) => [c, t(`dashboard:categories.${c}`)]),
                )}
              </div>
            )}
          </>
        )}
        <div className="enf-grid">
          {choice(
            'incident-role',
            t('incidents.form.role'),
            f.reporterRole,
            set('reporterRole'),
            REPORTER_ROLES.map((r) => [r, t(`incidents.roles.${r}`)]),
          )}
          {choice(
            'incident-kind',
            t('incidents.kind'),
            f.kind,
            set('kind'),
            SAFETY_KINDS.map((k) => [k, t(`complaints:safetyKinds.${k}`)]),
          )}
          <TextField label={t('incidents.form.injuredCount')} type="number" min={0} value={f.injuredCount} onChange={set('injuredCount')} />
          {choice(
            'incident-severity',
            t('incidents.form.severity'),
            f.severity,
            set('severity'),
            INJURY_SEVERITIES.map((s) => [s, t(`incidents.severity.${s}`)]),
          )}
          {choice('incident-city', t('incidents.form.city'), f.city, (e) => setF({ ...f, city: e.target.value, countyCode: '' }), [
            ['', '—'],
            ...regions.cities.map((c): [string, string] => [c.code, regions.name(c.code)]),
          ])}
          {choice('incident-county', t('incidents.form.county'), f.countyCode, set('countyCode'), [
            ['', '—'],
            ...regions.countiesOf(f.city).map((c): [string, string] => [c.code, regions.name(c.code)]),
          ])}
        </div>
        <TextField label={t('incidents.form.address')} value={f.address} onChange={set('address')} />
        <TextField label={t('incidents.form.when')} type="datetime-local" value={f.occurredAt} onChange={set('occurredAt')} />
        <TextAreaField label={t('incidents.form.what')} rows={4} value={f.description} onChange={set('description')} />
        {error && <Alert tone="danger">{error}</Alert>}
        <Button type="submit" busy={busy} busyLabel={t('incidents.form.busy')} data-testid="incident-submit">
          {t('incidents.form.submit')}
        </Button>
      </form>
    </Page>
  );
}
