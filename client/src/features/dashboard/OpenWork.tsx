// Open flags and cases in progress: the enforcement work waiting behind the figures.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Case, FlagListItem } from '../products/api';

export function OpenFlags({ flags }: { flags: FlagListItem[] }) {
  const { t } = useTranslation('dashboard');
  if (flags.length === 0) return <p className="muted dash-empty">{t('work.noFlags')}</p>;
  return (
    <ul className="dash-work" data-testid="dashboard-flags">
      {flags.map((f) => (
        <li key={f.id}>
          <Link to={`/flags/${f.id}`} className="cell-strong" data-testid={`dashboard-flag-${f.id}`}>
            {f.product.name}
          </Link>
          <span className="muted"> {[f.product.brand, f.product.model].filter(Boolean).join(' ')}</span>
          <div className="dash-work-meta">
            {f.rules.map((r) => (
              <span key={r} className="badge badge-warning">
                {t(`products:rules.${r}`)}
              </span>
            ))}
            <span className="muted">{t('work.score', { score: f.score })}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function OpenCases({ cases }: { cases: Case[] }) {
  const { t } = useTranslation('dashboard');
  if (cases.length === 0) return <p className="muted dash-empty">{t('work.noCases')}</p>;
  return (
    <ul className="dash-work" data-testid="dashboard-cases">
      {cases.map((c) => (
        <li key={c.id}>
          <Link to={`/cases/${c.id}`} className="cell-strong">
            {c.product.name}
          </Link>
          <span className="muted"> {c.producer ?? ''}</span>
          <div className="dash-work-meta">
            <span className="badge">{t(`products:caseStatus.${c.status}`)}</span>
            <span className="muted">{c.bureauName}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
