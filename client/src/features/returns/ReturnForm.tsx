// Recording a return: the stores, purchase date, amount and product. The answer (coverage and its
// reasons) comes back at once and is shown by the caller. Both stores are found with the searchable
// picker of the complaint wizard, so every store of the province can be named.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../../shared/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextField } from '../../components/form/TextField';
import { StorePicker } from '../complaints/StorePicker';
import { useStoreFromAddress } from '../posters/useStoreFromAddress';
import { createReturn, todayInShanghai, type ReturnRequest, type Store } from './api';
import { ConsentCheckbox } from './ConsentCheckbox';

interface Props {
  /** Desk staff return at their own merchant's stores; a consumer chooses contact consent for their own request. */
  deskMerchantId?: string;
  onCreated(r: ReturnRequest): void;
}

export function ReturnForm({ deskMerchantId, onCreated }: Props) {
  const { t } = useTranslation('returns');
  const desk = !!deskMerchantId;
  const [purchase, setPurchase] = useState<Store | null>(null);
  const [returnStore, setReturn] = useState<Store | null>(null);
  const [purchaseDate, setDate] = useState(todayInShanghai());
  const [amount, setAmount] = useState('');
  const [name, setName] = useState('');
  const [category, setCategory] = useState('clothing');
  const [contactAgreement, setConsent] = useState(false);
  const { busy, error, setError, run } = useSubmit();
  // One key per filled-in form: a double click or a retry after a dropped answer records one return.
  const [key, setKey] = useState(() => crypto.randomUUID());
  // Arriving from a store's public page (its QR poster): bought and returned there unless changed.
  useStoreFromAddress((store) => {
    if (desk) return;
    setPurchase((p) => p ?? store);
    setReturn((r) => r ?? store);
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const fen = Math.round(Number(amount) * 100);
    if (!purchase || !returnStore) return setError(t('form.chooseStores'));
    if (!(fen > 0)) return setError(t('form.invalidAmount'));
    void run(async () => {
      const r = await createReturn(
        {
          purchaseStoreId: purchase.id,
          returnStoreId: returnStore.id,
          purchaseDate,
          amountFen: fen,
          product: { name: name.trim(), category },
          ...(desk ? {} : { contactAgreement }),
        },
        key,
      );
      setKey(crypto.randomUUID());
      onCreated(r);
    });
  }

  // A return goes back to the merchant that sold the goods.
  const returnMerchant = deskMerchantId ?? purchase?.merchantId;
  return (
    <form className="card" onSubmit={submit} data-testid="return-form">
      <h2>{desk ? t('desk.newTitle') : t('mine.newTitle')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <StorePicker
        prefix="return-purchase-store"
        legend={t('form.purchaseStore')}
        chosen={purchase}
        merchantId={deskMerchantId}
        onChoose={(s) => {
          setPurchase(s);
          if (returnStore && returnStore.merchantId !== s.merchantId) setReturn(null);
        }}
      />
      {returnMerchant ? (
        <StorePicker
          key={returnMerchant}
          prefix="return-return-store"
          legend={t('form.returnStore')}
          chosen={returnStore}
          merchantId={returnMerchant}
          onChoose={setReturn}
        />
      ) : (
        <p className="muted" data-testid="return-return-store-hint">
          {t('form.returnStoreAfterPurchase')}
        </p>
      )}
      <div className="form-grid">
        <TextField
          label={t('form.purchaseDate')}
          data-testid="return-date"
          type="date"
          required
          max={todayInShanghai()}
          value={purchaseDate}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          label={t('form.amount')}
          data-testid="return-amount"
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <TextField
          label={t('form.productName')}
          data-testid="return-product"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
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
        <Button className="button button-primary" type="submit" busy={busy} data-testid="return-submit">
          {desk ? t('desk.submit') : t('mine.submit')}
        </Button>
      </div>
    </form>
  );
}
