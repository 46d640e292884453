// The viewer's saved queue views in the navigation, each with its live count; the viewer's own views
// can be deleted here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { queueLink } from '../complaints/queueFilters';
import { deleteView, useSavedViews } from './savedViews';

export function SavedViewsNav({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation('officers');
  const views = useSavedViews();
  const here = useLocation();
  const [deleting, setDeleting] = useState<string | null>(null);
  if (!views?.length) return null;

  async function remove(id: string) {
    setDeleting(id);
    try {
      await deleteView(id);
    } finally {
      setDeleting(null);
    }
  }

  return (
    <div className="nav-views" data-testid="saved-views">
      <h2 className="nav-heading">{t('savedViews.title')}</h2>
      <ul>
        {views.map((v) => {
          const to = queueLink(v.filters);
          return (
            <li key={v.id} className="nav-view" data-testid="saved-view" data-name={v.name}>
              <Link
                to={to}
                onClick={onNavigate}
                aria-current={here.pathname + here.search === to ? 'page' : undefined}
                title={v.mine ? undefined : t('savedViews.sharedBy', { name: v.ownerName })}
              >
                <span className="nav-view-name">
                  {v.name}
                  {v.shared && <span className="muted"> · {t('savedViews.sharedMark')}</span>}
                </span>
                <span className="tab-count" data-testid="saved-view-count" data-count={v.count}>
                  {v.capped ? `${v.count}+` : v.count}
                </span>
              </Link>
              {v.mine && (
                <button
                  type="button"
                  className="nav-view-delete"
                  aria-label={t('savedViews.delete', { name: v.name })}
                  disabled={deleting === v.id}
                  onClick={() => void remove(v.id)}
                  data-testid="saved-view-delete"
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
