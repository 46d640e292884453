import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CATEGORIES } from '../../../../shared/enums';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { usePanel } from '../dashboard/usePanel';
import { listPublic } from './api';
import { Loaded, ProductLine } from './parts';
import './products.css';

/** The public list of problem products: what the bureaus published, readable without signing in. */
export function ProblemProductsPage() {
  const { t } = useTranslation('products');
  const { t: td } = useTranslation('dashboard');
  const [category, setCategory] = useState('');
  const list = usePanel((s) => listPublic({ category: category || undefined }, s), category, 0);
  return (
    <Page
      testId="page-problem-products"
      title={t('public.title')}
      description={t('public.description')}
      actions={
        <select aria-label={td('filters.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">{td('filters.anyCategory')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {td(`categories.${c}`)}
            </option>
          ))}
        </select>
      }
    >
      <Loaded panel={list}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('public.emptyTitle')} hint={t('public.emptyHint')} />
          ) : (
            <div className="enf-public" data-testid="public-list">
              {page.items.map((c) => (
                <article key={c.id} className="card enf-public-card" data-testid={`public-case-${c.id}`}>
                  <header className="enf-section-head">
                    <div>
                      <ProductLine product={c.product} />
                      {c.producer && (
                        <div className="muted">
                          {t('flag.producer')}: {c.producer}
                        </div>
                      )}
                    </div>
                    <span className={`badge enf-case-${c.status}`}>{t(`caseStatus.${c.status}`)}</span>
                  </header>
                  <dl className="enf-dl">
                    {c.finding && (
                      <>
                        <dt>{t('public.finding')}</dt>
                        <dd>{c.finding}</dd>
                      </>
                    )}
                    {c.measures && (
                      <>
                        <dt>{t('public.measures')}</dt>
                        <dd>{c.measures}</dd>
                      </>
                    )}
                    {c.merchants.length > 0 && (
                      <>
                        <dt>{t('public.merchants')}</dt>
                        <dd className="enf-merchants">
                          {c.merchants.map((m) => (
                            <Link key={m.id} to={`/merchants/${m.id}`} data-testid="public-merchant">
                              {m.name}
                            </Link>
                          ))}
                        </dd>
                      </>
                    )}
                    <dt>{t('public.bureau')}</dt>
                    <dd>
                      {c.bureauName ?? '—'}
                      {c.date && <span className="muted"> · {formatDate(c.date)}</span>}
                    </dd>
                  </dl>
                </article>
              ))}
            </div>
          )
        }
      </Loaded>
    </Page>
  );
}
