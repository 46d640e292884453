// The merchant's inbox: four tabs by who acts next (the merchant's to-do, answered and waiting for the
// consumer, with the bureau, closed), each with its count, and a search. Open tabs are ordered by the
// soonest deadline; a complaint filed while the page is open is pinned above the to-do, marked new
// until opened, since its deadline (the latest) would put it at the bottom.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { INBOX_TABS, type InboxTab } from '../../../../shared/schemas/complaint';
import { Page } from '../../components/Page';
import { useSocketEvent } from '../../realtime/socket';
import { useUser } from '../auth/session';
import { getComplaint } from './api';
import { addArrival, dropArrival, useArrivals } from './arrivals';
import { ComplaintList } from './ComplaintList';
import { ComplaintTable } from './ComplaintTable';
import { useListCounts } from './useListCounts';
import './complaints.css';

const readTab = (v: string | null): InboxTab => ((INBOX_TABS as readonly string[]).includes(v ?? '') ? (v as InboxTab) : 'todo');

export function InboxPage() {
  const { t } = useTranslation('complaints');
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const tab = readTab(params.get('tab'));
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const counts = useListCounts({ q });
  const arrivals = useArrivals(user.id);

  useSocketEvent('complaint:created', ({ id }) => {
    getComplaint(id).then(
      (c) => c.status === 'awaiting_merchant' && addArrival(user.id, c),
      // Not visible after all (another store's): nothing to pin.
      () => undefined,
    );
  });
  useSocketEvent('complaint:updated', ({ id, status }) => status !== 'awaiting_merchant' && dropArrival(id));

  function go(next: { tab?: InboxTab; q?: string }) {
    const p = new URLSearchParams();
    const nt = next.tab ?? tab;
    const nq = next.q ?? q;
    if (nt !== 'todo') p.set('tab', nt);
    if (nq) p.set('q', nq);
    setParams(p, { replace: true });
  }
  function search(e: FormEvent) {
    e.preventDefault();
    go({ q: draft.trim() });
  }

  const pinned = tab === 'todo' && !q ? arrivals : [];
  const pinnedIds = new Set(pinned.map((c) => c.id));
  return (
    <Page testId="page-inbox" title={t('inbox.title')} description={t('inbox.description')}>
      <form className="inbox-search" onSubmit={search} role="search">
        <input
          type="search"
          value={draft}
          maxLength={100}
          placeholder={t('inbox.searchPlaceholder')}
          aria-label={t('filters.search')}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="inbox-q"
        />
        <button className="button" type="submit" data-testid="inbox-search">
          {t('filters.search')}
        </button>
      </form>
      <div className="tabs" role="tablist" aria-label={t('inbox.title')}>
        {INBOX_TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`tab ${tab === k ? 'tab-active' : ''}`}
            onClick={() => go({ tab: k })}
            data-testid={`inbox-tab-${k}`}
          >
            {t(`inbox.tabs.${k}`)}{' '}
            <span className="tab-count" data-testid="tab-count">
              {counts ? counts.tabs[k] : '…'}
            </span>
          </button>
        ))}
      </div>
      <p className="muted list-count" data-testid="inbox-hint">
        {t(`inbox.hints.${tab}`)}
      </p>
      {pinned.length > 0 && (
        <>
          <h2 className="list-heading">{t('inbox.arrived')}</h2>
          <ComplaintTable items={pinned} fresh={pinnedIds} columns={['consumer']} testId="inbox-new" />
        </>
      )}
      <ComplaintList
        query={{ tab, q, sort: tab === 'closed' ? 'newest' : 'deadline' }}
        exclude={pinnedIds}
        columns={['consumer']}
        testId="inbox"
        empty={
          pinned.length
            ? undefined
            : { title: t(q ? 'inbox.noMatchTitle' : `inbox.empty.${tab}`), hint: t(q ? 'inbox.noMatchHint' : 'inbox.emptyHint') }
        }
      />
    </Page>
  );
}
