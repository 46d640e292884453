import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagRules } from '../../../../shared/schemas/products';
import { Alert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { useUser } from '../auth/session';
import { usePanel } from '../dashboard/usePanel';
import { getRules, saveRules } from './api';
import { Loaded } from './parts';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';
import './products.css';

/** The thresholds of each flag rule; the provincial bureau (or an admin) may change them. */
export function FlagRulesPage() {
  const { t } = useTranslation('products');
  const [tick, setTick] = useState(0);
  const rules = usePanel((s) => getRules(s), '', tick);
  return (
    <Page testId="page-flag-rules" title={t('rulesEditor.title')} description={t('rulesEditor.description')}>
      <Loaded panel={rules}>
        {(r) => <Editor key={r.version} version={r.version} initial={r.rules} onSaved={() => setTick((n) => n + 1)} />}
      </Loaded>
    </Page>
  );
}

function Editor({ version, initial, onSaved }: { version: number; initial: FlagRules; onSaved(): void }) {
  const { t } = useTranslation('products');
  const user = useUser();
  const editable = user.role === 'admin' || user.regionCode === '33';
  const [rules, setRules] = useState<FlagRules>(initial);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);

  const update = (rule: keyof FlagRules, field: string, value: number | boolean) =>
    setRules((r) => ({ ...r, [rule]: { ...r[rule], [field]: value } }));

  const { busy, track } = useBusy();
  const save = () =>
    track('save', async () => {
      try {
        const saved = await saveRules(rules, version);
        setMessage({ tone: 'success', text: t('rulesEditor.saved', { version: saved.version }) });
        onSaved();
      } catch (e) {
        setMessage({ tone: 'danger', text: describeError(e) });
      }
    });

  return (
    <form
      className="enf-stack"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="flag-rules"
    >
      {!editable && <Alert tone="info">{t('rulesEditor.readOnly')}</Alert>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="enf-rules">
        {(Object.keys(rules) as (keyof FlagRules)[]).map((rule) => (
          <fieldset key={rule} className="card enf-rule" disabled={!editable}>
            <legend>{t(`rules.${rule}`)}</legend>
            <p className="muted">{t(`rulesEditor.hints.${rule}`)}</p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={rules[rule].enabled}
                onChange={(e) => update(rule, 'enabled', e.target.checked)}
                data-testid={`rule-${rule}-enabled`}
              />
              {t('rulesEditor.enabled')}
            </label>
            <div className="enf-rule-fields">
              {Object.entries(rules[rule])
                .filter(([k]) => k !== 'enabled')
                .map(([k, v]) => (
                  <div className="field" key={k}>
                    <label htmlFor={`rule-${rule}-${k}`}>{t(`rulesEditor.fields.${k}`)}</label>
                    <input
                      id={`rule-${rule}-${k}`}
                      type="number"
                      min={0}
                      step={k === 'ratio' || k === 'zScore' ? 0.1 : 1}
                      value={String(v)}
                      onChange={(e) => update(rule, k, Number(e.target.value))}
                      data-testid={`rule-${rule}-${k}`}
                    />
                  </div>
                ))}
            </div>
          </fieldset>
        ))}
      </div>
      {editable && (
        <div className="button-row">
          <Button className="button button-primary" busy={busy === 'save'} data-testid="rules-save">
            {t('rulesEditor.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
