// Full-text search of the complaints the user may see: ranked hits, each with the matching text marked.
// The query lives in the address (?q=), so a search can be linked and the back button returns to it.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { ComplaintHit, ComplaintSearch, SearchField } from '../../../../shared/schemas/complaintSearch';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { searchComplaints } from './api';
import { StatusBadge, UrgentBadge } from './Badges';
import { Highlighted } from './Highlighted';
import './complaints.css';

/** A field's marked text, or its plain text when the search did not match it. */
function Field({ hit, field, plain }: { hit: ComplaintHit; field: SearchField; plain: string | undefined }) {
  const h = hit.highlights.find((x) => x.field === field);
  if (h) return <Highlighted text={h.text} ranges={h.ranges} />;
  return <>{plain ?? ''}</>;
}

function Hit({ hit }: { hit: ComplaintHit }) {
  const { t } = useTranslation('complaints');
  const c = hit.complaint;
  const description = hit.highlights.find((h) => h.field === 'description');
  return (
    <li className="card search-hit" data-testid={`search-hit-${c.id}`} data-exact={hit.exactNumber || undefined}>
      <div className="search-hit-head">
        <Link to={`/complaints/${c.id}`} className="mono" data-testid="search-hit-link">
          <Field hit={hit} field="number" plain={c.number} />
        </Link>
        {hit.exactNumber && <span className="badge badge-success">{t('search.exactNumber')}</span>}
        {c.priority === 'urgent' && <UrgentBadge />}
        <StatusBadge status={c.status} />
      </div>
      <div className="cell-strong">
        <Field hit={hit} field="product" plain={c.product.name} />
        {c.product.brand && (
          <>
            {' · '}
            <Field hit={hit} field="brand" plain={c.product.brand} />
          </>
        )}
        {c.product.model && (
          <>
            {' · '}
            <Field hit={hit} field="model" plain={c.product.model} />
          </>
        )}
      </div>
      <div className="muted">
        <Field hit={hit} field="merchant" plain={c.merchantName} /> · <Field hit={hit} field="store" plain={c.storeName} /> ·{' '}
        {formatDateTime(c.createdAt)}
      </div>
      {description && (
        <p className="search-hit-text" data-testid="search-hit-description">
          <Highlighted text={description.text} ranges={description.ranges} />
        </p>
      )}
    </li>
  );
}

/** The search box; keyed by the query in the address, so going back to another search shows its words. */
function SearchForm({ q, busy, onSearch }: { q: string; busy: boolean; onSearch: (q: string) => void }) {
  const { t } = useTranslation('complaints');
  const [draft, setDraft] = useState(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form className="search-form" role="search" onSubmit={submit}>
      <input
        type="search"
        value={draft}
        maxLength={100}
        onChange={(e) => setDraft(e.target.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        data-testid="search-input"
      />
      <Button type="submit" className="button button-primary" busy={busy} busyLabel={t('search.searching')} data-testid="search-submit">
        {t('search.submit')}
      </Button>
    </form>
  );
}

/**
 * Every complaint holding the words whole is listed; older ones holding them only apart are read on
 * request, a few months at a time, and added below. A failed read says so here, beside the button that
 * retries it, not at the top of a long list.
 */
function Older({ q, busy, failed, onMore }: { q: string; busy: boolean; failed: string | null; onMore: () => void }) {
  const { t } = useTranslation('complaints');
  return (
    <div className="search-older" data-testid="search-older">
      <p className="muted">{t('search.older', { q })}</p>
      <Button
        type="button"
        className="button"
        busy={busy}
        busyLabel={t('search.olderBusy')}
        onClick={onMore}
        data-testid="search-older-more"
      >
        {t('search.olderButton')}
      </Button>
      {failed && (
        <Alert tone="danger" testId="search-older-failed">
          {t('search.olderFailed', { message: failed })}
        </Alert>
      )}
    </div>
  );
}

export function SearchPage() {
  const { t } = useTranslation('complaints');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [result, setResult] = useState<{ q: string; data: ComplaintSearch } | null>(null);
  const [error, setError] = useState<{ q: string; message: string } | null>(null);
  const failed = error?.q === q ? error.message : null;
  const current = result?.q === q ? result.data : null;
  const [olderFor, setOlderFor] = useState<string | null>(null);
  // Keyed by the query and cursor: another search, or the next older months, start without it.
  const [olderError, setOlderError] = useState<{ q: string; cursor: string; message: string } | null>(null);

  const readOlder = (cursor: string) => {
    setOlderFor(cursor);
    setOlderError(null);
    searchComplaints(q, undefined, cursor)
      .then(
        (data) =>
          setResult((r) =>
            r?.q === q && r.data.nextCursor === cursor
              ? {
                  q,
                  data: { items: [...r.data.items, ...data.items], partial: r.data.partial || data.partial, nextCursor: data.nextCursor },
                }
              : r,
          ),
        (e: unknown) => setOlderError({ q, cursor, message: describeError(e) }),
      )
      .finally(() => setOlderFor(null));
  };

  useEffect(() => {
    if (!q) return;
    const abort = new AbortController();
    searchComplaints(q, abort.signal).then(
      (data) => setResult({ q, data }),
      (e: unknown) => abort.signal.aborted || setError({ q, message: describeError(e) }),
    );
    return () => abort.abort();
  }, [q]);

  return (
    <Page testId="page-search" title={t('search.title')} description={t('search.description')}>
      <SearchForm key={q} q={q} busy={!!q && !current && !failed} onSearch={(next) => setParams(next ? { q: next } : {})} />
      {failed && <Alert tone="danger">{t('search.failed', { message: failed })}</Alert>}
      {current &&
        (current.items.length === 0 && !current.nextCursor ? (
          <EmptyState title={t('search.emptyTitle')} hint={t('search.emptyHint')} />
        ) : (
          <>
            <p className="muted" data-testid="search-count">
              {t('search.count', { count: current.items.length })}
              {current.partial && ` ${t('search.partial')}`}
            </p>
            <ol className="search-hits" data-testid="search-hits">
              {current.items.map((h) => (
                <Hit key={h.complaint.id} hit={h} />
              ))}
            </ol>
            {current.nextCursor && (
              <Older
                q={q}
                busy={olderFor === current.nextCursor}
                failed={olderError?.q === q && olderError.cursor === current.nextCursor ? olderError.message : null}
                onMore={() => readOlder(current.nextCursor!)}
              />
            )}
          </>
        ))}
    </Page>
  );
}
