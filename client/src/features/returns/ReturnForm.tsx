// Recording a return: the stores, purchase date, amount and product. The answer (coverage and its
// reasons) comes back at once and is shown by the caller.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../../shared/enums';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { createReturn, todayInShanghai, type ReturnRequest, type Store } from './api';
import { ConsentCheckbox } from './ConsentCheckbox';

interface Props {
  stores: Store[];
  /** Desk staff return at their own stores; a consumer chooses contact consent for their own request. */
  desk: boolean;
  onCreated(r: ReturnRequest): void;
}

export function ReturnForm({ stores, desk, onCreated }: Props) {
  const { t } = useTranslation('returns');
  const [purchaseStoreId, setPurchase] = useState('');
  const [returnStoreId, setReturn] = useState('');
  const [purchaseDate, setDate] = useState(todayInShanghai());
  const [amount, setAmount] = useState('');
  const [name, setName] = useState('');
  const [category, setCategory] = useState('clothing');
  const [contactAgreement, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a double click or a retry after a dropped answer records one return.
  const [key, setKey] = useState(() => crypto.randomUUID());

  const purchase = stores.find((s) => s.id === purchaseStoreId);
  // A return goes back to the merchant that sold the goods.
  const returnOptions = useMemo(() => (desk || !purchase ? stores : stores.filter((s) => s.merchantId === purchase.merchantId)), [desk, purchase, stores]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fen = Math.round(Number(amount) * 100);
    if (!(fen > 0)) return setError(t('form.invalidAmount'));
    setBusy(true);
    setError(null);
    try {
      const r = await createReturn(
        { purchaseStoreId, returnStoreId, purchaseDate, amountFen: fen, product: { name: name.trim(), category }, ...(desk ? {} : { contactAgreement }) },
        key,
      );
      setKey(crypto.randomUUID());
      onCreated(r);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const storeSelect = (id: string, value: string, set: (v: string) => void, options: Store[], label: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={id} value={value} required onChange={(e) => set(e.target.value)}>
        <option value="">{t('form.chooseStore')}</option>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="return-form">
      <h2>{desk ? t('desk.newTitle') : t('mine.newTitle')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="form-grid">
        {storeSelect('return-purchase-store', purchaseStoreId, setPurchase, stores, t('form.purchaseStore'))}
        {storeSelect('return-return-store', returnStoreId, setReturn, returnOptions, t('form.returnStore'))}
        <div className="field">
          <label htmlFor="return-date">{t('form.purchaseDate')}</label>
          <input id="return-date" data-testid="return-date" type="date" required max={todayInShanghai()} value={purchaseDate} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="return-amount">{t('form.amount')}</label>
          <input id="return-amount" data-testid="return-amount" inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="return-product">{t('form.productName')}</label>
          <input id="return-product" data-testid="return-product" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="return-category">{t('form.category')}</label>
          <select id="return-category" data-testid="return-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!desk && <ConsentCheckbox id="return-consent" checked={contactAgreement} onChange={setConsent} />}
      <div className="button-row">
        <button className="button button-primary" type="submit" disabled={busy} data-testid="return-submit">
          {desk ? t('desk.submit') : t('mine.submit')}
        </button>
      </div>
    </form>
  );
}
