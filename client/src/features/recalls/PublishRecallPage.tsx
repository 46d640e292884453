import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  CONSUMER_ACTIONS,
  RISK_LEVELS,
  publishRecallSchema,
  type ConsumerAction,
  type RiskLevel,
} from '../../../../shared/schemas/recalls';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useSubmit } from '../../components/useSubmit';
import { publishRecall } from './api';
import './recalls.css';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The bureau of a case in recall publishes its notice; the reach starts at once and shows on the recall's page. */
export function PublishRecallPage() {
  const { t } = useTranslation('recalls');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [text, setText] = useState({
    batches: '',
    productionDates: '',
    photos: '',
    hazard: '',
    remedy: '',
    brand: '',
    model: '',
    gtin: '',
  });
  const [riskLevel, setRisk] = useState<RiskLevel>('high');
  const [actions, setActions] = useState<ConsumerAction[]>(['stop_using']);
  const { busy, error, setError, run } = useSubmit();
  const field = (name: keyof typeof text, multiline = false) => {
    const props = {
      id: `recall-${name}`,
      name,
      value: text[name],
      onChange: (e: { target: { value: string } }) => setText({ ...text, [name]: e.target.value }),
    };
    return (
      <div className="field">
        <label htmlFor={props.id}>{t(`publish.${name}`)}</label>
        {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
      </div>
    );
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = publishRecallSchema.safeParse({
      batches: lines(text.batches),
      photos: lines(text.photos),
      hazard: text.hazard,
      remedy: text.remedy,
      riskLevel,
      consumerActions: actions,
      ...Object.fromEntries(
        (['productionDates', 'brand', 'model', 'gtin'] as const).filter((k) => text[k].trim()).map((k) => [k, text[k]]),
      ),
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${t(`publish.${String(i.path[0])}`)}: ${i.message}`).join('；'));
      return;
    }
    await run(
      async () => {
        const r = await publishRecall(id, parsed.data);
        navigate(`/recalls/${r.id}`);
      },
      { leaves: true },
    );
  };
  return (
    <Page testId="page-publish-recall" title={t('publish.title')} description={<Link to={`/cases/${id}`}>← {t('recall.back')}</Link>}>
      <form className="card recall-form" onSubmit={submit} noValidate>
        <p className="muted">{t('publish.description')}</p>
        {field('hazard', true)}
        <div className="field">
          <label htmlFor="recall-risk">{t('publish.riskLevel')}</label>
          <select id="recall-risk" value={riskLevel} onChange={(e) => setRisk(e.target.value as RiskLevel)}>
            {RISK_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`risk.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('publish.consumerActions')}</legend>
          {CONSUMER_ACTIONS.map((a) => (
            <label key={a} className="recall-check">
              <input
                type="checkbox"
                checked={actions.includes(a)}
                onChange={(e) => setActions(e.target.checked ? [...actions, a] : actions.filter((x) => x !== a))}
              />
              {t(`actions.${a}`)}
            </label>
          ))}
        </fieldset>
        {field('remedy', true)}
        {field('batches', true)}
        {field('productionDates')}
        {field('photos', true)}
        {field('brand')}
        {field('model')}
        {field('gtin')}
        {error && <Alert tone="danger">{error}</Alert>}
        <Button type="submit" busy={busy} busyLabel={t('publish.busy')} data-testid="recall-publish">
          {t('publish.submit')}
        </Button>
      </form>
    </Page>
  );
}
