// Wizard steps 2–4: the product, the purchase, and the problem with what the consumer wants.
import { useTranslation } from 'react-i18next';
import { CATEGORIES, DEMAND_TYPES, isKeyCategory, PROBLEM_TYPES, SAFETY_KINDS } from '../../../../shared/enums';
import type { FieldErrors } from '../../components/form/fieldErrors';
import { TextField } from '../../components/form/TextField';
import { todayInShanghai } from './api';
import { Field } from './Field';
import type { Draft } from './wizardState';

interface StepProps {
  draft: Draft;
  errors: FieldErrors;
  update(patch: (d: Draft) => Draft): void;
}

export function ProductStep({ draft, errors, update }: StepProps) {
  const { t } = useTranslation('complaints');
  const p = draft.product;
  const set = (k: keyof Draft['product'], v: string) => update((d) => ({ ...d, product: { ...d.product, [k]: v } }));
  return (
    <div className="wizard-step form-grid" data-testid="step-product">
      <TextField
        name="product.name"
        label={t('wizard.productName')}
        value={p.name}
        maxLength={120}
        error={errors['product.name']}
        onChange={(e) => set('name', e.target.value)}
        data-testid="product-name"
      />
      <Field id="product-category" name="product.category" label={t('wizard.category')} error={errors['product.category']}>
        <select id="product-category" value={p.category} onChange={(e) => set('category', e.target.value)} data-testid="product-category">
          <option value="">{t('regulator.choose')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
              {isKeyCategory(c) ? t('wizard.keyMark') : ''}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        name="product.gtin"
        label={t('wizard.gtin')}
        hint={t('wizard.gtinHint')}
        inputMode="numeric"
        value={p.gtin}
        maxLength={13}
        error={errors['product.gtin']}
        onChange={(e) => set('gtin', e.target.value.replace(/\s/g, ''))}
        data-testid="product-gtin"
      />
      <TextField
        name="product.brand"
        label={t('wizard.brand')}
        value={p.brand}
        maxLength={80}
        error={errors['product.brand']}
        onChange={(e) => set('brand', e.target.value)}
        data-testid="product-brand"
      />
      <TextField
        name="product.model"
        label={t('wizard.model')}
        value={p.model}
        maxLength={80}
        error={errors['product.model']}
        onChange={(e) => set('model', e.target.value)}
        data-testid="product-model"
      />
      <TextField
        name="product.batch"
        label={t('wizard.batch')}
        value={p.batch}
        maxLength={80}
        error={errors['product.batch']}
        onChange={(e) => set('batch', e.target.value)}
        data-testid="product-batch"
      />
    </div>
  );
}

export function PurchaseStep({ draft, errors, update }: StepProps) {
  const { t } = useTranslation('complaints');
  const p = draft.purchase;
  const set = <K extends keyof Draft['purchase']>(k: K, v: Draft['purchase'][K]) =>
    update((d) => ({ ...d, purchase: { ...d.purchase, [k]: v } }));
  return (
    <div className="wizard-step form-grid" data-testid="step-purchase">
      <TextField
        name="purchase.date"
        type="date"
        max={todayInShanghai()}
        label={t('wizard.purchaseDate')}
        value={p.date}
        error={errors['purchase.date']}
        onChange={(e) => set('date', e.target.value)}
        data-testid="purchase-date"
      />
      <TextField
        name="purchase.amountFen"
        label={t('wizard.amount')}
        inputMode="decimal"
        value={p.amount}
        error={errors['purchase.amountFen']}
        onChange={(e) => set('amount', e.target.value)}
        data-testid="purchase-amount"
      />
      <Field id="purchase-channel" name="purchase.channel" label={t('wizard.channel')}>
        <select
          id="purchase-channel"
          value={p.channel}
          onChange={(e) => set('channel', e.target.value as Draft['purchase']['channel'])}
          data-testid="purchase-channel"
        >
          <option value="in_store">{t('channel.in_store')}</option>
          <option value="online">{t('channel.online')}</option>
        </select>
      </Field>
      <TextField
        name="purchase.orderRef"
        label={t('wizard.orderRef')}
        value={p.orderRef}
        maxLength={80}
        error={errors['purchase.orderRef']}
        onChange={(e) => set('orderRef', e.target.value)}
        data-testid="purchase-order-ref"
      />
    </div>
  );
}

export function ProblemStep({ draft, errors, update }: StepProps) {
  const { t } = useTranslation('complaints');
  const s = draft.safetyIncident;
  const setSafety = (patch: Partial<Draft['safetyIncident']>) =>
    update((d) => ({ ...d, safetyIncident: { ...d.safetyIncident, ...patch } }));
  return (
    <div className="wizard-step" data-testid="step-problem">
      <div className="form-grid">
        <Field id="problem-type" name="problemType" label={t('wizard.problemType')} error={errors.problemType}>
          <select
            id="problem-type"
            value={draft.problemType}
            onChange={(e) => update((d) => ({ ...d, problemType: e.target.value as Draft['problemType'] }))}
            data-testid="problem-type"
          >
            <option value="">{t('regulator.choose')}</option>
            {PROBLEM_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`problemTypes.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="demand-type" name="demand.type" label={t('wizard.demand')}>
          <select
            id="demand-type"
            value={draft.demand.type}
            onChange={(e) => update((d) => ({ ...d, demand: { ...d.demand, type: e.target.value as Draft['demand']['type'] } }))}
            data-testid="demand-type"
          >
            {DEMAND_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`demandTypes.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          name="demand.amountFen"
          label={t('wizard.demandAmount')}
          inputMode="decimal"
          value={draft.demand.amount}
          error={errors['demand.amountFen']}
          onChange={(e) => update((d) => ({ ...d, demand: { ...d.demand, amount: e.target.value } }))}
          data-testid="demand-amount"
        />
      </div>
      <Field
        id="problem-description"
        name="description"
        label={t('wizard.problemDescription')}
        hint={t('wizard.descriptionHint')}
        error={errors.description}
      >
        <textarea
          id="problem-description"
          rows={5}
          maxLength={5000}
          value={draft.description}
          onChange={(e) => update((d) => ({ ...d, description: e.target.value }))}
          data-testid="problem-description"
        />
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.hasSafetyIncident}
          onChange={(e) => update((d) => ({ ...d, hasSafetyIncident: e.target.checked }))}
          data-testid="safety-toggle"
        />
        {t('wizard.safety')}
      </label>
      {draft.hasSafetyIncident && (
        <fieldset className="merchant-fields safety-fields">
          <Field id="safety-kind" name="safetyIncident.kind" label={t('wizard.safetyKind')}>
            <select
              id="safety-kind"
              value={s.kind}
              onChange={(e) => setSafety({ kind: e.target.value as Draft['safetyIncident']['kind'] })}
              data-testid="safety-kind"
            >
              {SAFETY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`safetyKinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={s.injured}
              onChange={(e) => setSafety({ injured: e.target.checked })}
              data-testid="safety-injured"
            />
            {t('wizard.injured')}
          </label>
          <Field
            id="safety-description"
            name="safetyIncident.description"
            label={t('wizard.safetyDescription')}
            error={errors['safetyIncident.description']}
          >
            <textarea
              id="safety-description"
              rows={3}
              maxLength={2000}
              value={s.description}
              onChange={(e) => setSafety({ description: e.target.value })}
              data-testid="safety-description"
            />
          </Field>
        </fieldset>
      )}
    </div>
  );
}
