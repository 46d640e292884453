// The products or merchants with most complaints, each count a link to those complaints.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Filter, TopItem } from './api';
import { queueLink } from './drill';

interface Props {
  kind: 'products' | 'merchants';
  items: TopItem[];
  filter: Filter;
}

export function TopList({ kind, items, filter }: Props) {
  const { t } = useTranslation('dashboard');
  if (items.length === 0) return <p className="muted dash-empty">{t('top.empty')}</p>;
  const max = Math.max(...items.map((i) => i.count));
  return (
    <ol className="dash-top" data-testid={`top-${kind}`}>
      {items.map((i) => {
        // The queue has no product filter: the product's name within its category finds its complaints.
        const to = kind === 'merchants' ? queueLink(filter, { merchantId: i.id }) : queueLink(filter, { category: i.category, q: i.name });
        const detail = kind === 'products' ? [i.brand, i.model].filter(Boolean).join(' ') : '';
        return (
          <li key={i.id}>
            <div className="dash-top-name">
              {kind === 'merchants' ? <Link to={`/merchants/${i.id}`}>{i.name}</Link> : <span className="cell-strong">{i.name}</span>}
              {detail && <span className="muted"> {detail}</span>}
              {i.category && <span className="muted"> · {t(`categories.${i.category}`)}</span>}
            </div>
            <div className="dash-bar" aria-hidden="true">
              <span style={{ width: `${(i.count / max) * 100}%` }} />
            </div>
            <Link className="dash-top-count" to={to}>
              {t('top.count', { count: i.count })}
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
