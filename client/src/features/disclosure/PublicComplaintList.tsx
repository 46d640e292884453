// Published complaints as cards, the merchant's comment beside each: the public list and the merchant page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePanel } from '../dashboard/usePanel';
import { Loaded } from '../products/parts';
import { formatDate, formatMoney } from '../../i18n/format';
import { RegionName } from '../complaints/regions';
import { listPublicComplaints, type PublicComplaint } from './api';
import './disclosure.css';

export function PublicComplaintList({ items, showMerchant = true }: { items: PublicComplaint[]; showMerchant?: boolean }) {
  const { t } = useTranslation('disclosure');
  return (
    <ul className="disclosure-list" data-testid="public-complaints">
      {items.map((c) => (
        <li key={c.id} className="card disclosure-item" data-testid={`public-complaint-${c.id}`}>
          <div className="disclosure-record">
            <div className="disclosure-head">
              {showMerchant ? (
                <Link to={`/merchants/${c.merchantId}`} data-testid="public-complaint-merchant">
                  {c.merchantName}
                </Link>
              ) : null}
              <span className="muted">
                {c.storeName} · <RegionName code={c.countyCode} />
              </span>
            </div>
            <div className="disclosure-tags">
              <span className="badge">{t(`categories.${c.category}`)}</span>
              <span className="badge">{t(`complaints:problemTypes.${c.problemType}`)}</span>
              <span className={`badge disclosure-outcome-${c.outcome}`} data-testid="public-complaint-outcome">
                {t(`outcome.${c.outcome}`)}
              </span>
            </div>
            <p>
              {t('item.demand', {
                demand:
                  t(`complaints:demandTypes.${c.demand.type}`) +
                  (c.demand.amountFen !== undefined ? ` ${formatMoney(c.demand.amountFen)}` : ''),
              })}
              {c.remedyStatus ? ` · ${t('item.remedy', { status: t(`remedy.${c.remedyStatus}`) })}` : ''}
            </p>
            {c.description && (
              <blockquote className="disclosure-description" title={t('item.description')} data-testid="public-complaint-description">
                {c.description}
              </blockquote>
            )}
            <div className="muted">
              {t('item.filed', { day: formatDate(c.filedOn) })}
              {c.closedOn ? ` · ${t('item.closed', { day: formatDate(c.closedOn) })}` : ''}
            </div>
          </div>
          <aside className="disclosure-comment" data-testid="public-complaint-comment">
            <h3>{t('item.merchantComment')}</h3>
            {c.merchantComment ? (
              <>
                <p>{c.merchantComment.text}</p>
                <div className="muted">{formatDate(c.merchantComment.at)}</div>
              </>
            ) : (
              <p className="muted">{t('item.noComment')}</p>
            )}
          </aside>
        </li>
      ))}
    </ul>
  );
}

/** The merchant page's section: its latest published complaints and a link to all of them. */
export function MerchantDisclosures({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation('disclosure');
  const list = usePanel((s) => listPublicComplaints({ merchantId, limit: 5 }, s), merchantId, 0);
  return (
    <section className="card" data-testid="merchant-disclosures">
      <h2>{t('merchant.title')}</h2>
      <Loaded panel={list}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('list.emptyTitle')}</p>
          ) : (
            <>
              <PublicComplaintList items={page.items} showMerchant={false} />
              <p>
                <Link to={`/public/complaints?merchantId=${merchantId}`} data-testid="merchant-disclosures-all">
                  {t('merchant.all', { count: page.total })}
                </Link>
              </p>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
