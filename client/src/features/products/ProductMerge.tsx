// Two product records that are the same thing (a typo in the model, a missing barcode) are merged
// into the flagged one; the server keeps the merge in the product's history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { mergeProducts, searchProducts, type ProductRef } from './api';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';

export function ProductMerge({ intoId, category, onMerged }: { intoId: string; category: string; onMerged(): void }) {
  const { t } = useTranslation('products');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<(ProductRef & { id: string })[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const { busy, track } = useBusy();

  async function search() {
    setMessage(null);
    try {
      setFound((await searchProducts(q.trim(), category)).items.filter((p) => p.id !== intoId));
    } catch (e) {
      setMessage({ tone: 'danger', text: describeError(e) });
    }
  }

  async function merge(p: ProductRef & { id: string }) {
    try {
      const r = await mergeProducts(p.id, intoId, t('merge.note'));
      setMessage({ tone: 'success', text: t('merge.done', r.moved) });
      setFound((list) => list?.filter((x) => x.id !== p.id) ?? null);
      onMerged();
    } catch (e) {
      setMessage({ tone: 'danger', text: describeError(e) });
    }
  }

  return (
    <section className="card" data-testid="product-merge">
      <h2>{t('merge.title')}</h2>
      <p className="muted">{t('merge.hint')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void track('search', search);
        }}
      >
        <input
          aria-label={t('merge.search')}
          placeholder={t('merge.search')}
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
        />
        <Button className="button" busy={busy === 'search'}>
          {t('merge.find')}
        </Button>
      </form>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {found && found.length === 0 && <p className="muted">{t('merge.none')}</p>}
      {found && found.length > 0 && (
        <ul className="enf-merge">
          {found.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.name}</strong> {[p.brand, p.model].filter(Boolean).join(' ')}{' '}
                {p.gtin && <span className="mono muted">{p.gtin}</span>}
              </span>
              <Button
                className="button button-ghost"
                busy={busy === p.id}
                disabled={busy !== null}
                onClick={() => void track(p.id, () => merge(p))}
              >
                {t('merge.into')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
