// A bureau's queue views above its filters: 全部 (the whole jurisdiction), 我的 (assigned to me),
// 未分配 (open complaints no officer of the bureau has yet). Each is an equality read of the list model.
import { useTranslation } from 'react-i18next';

const VIEWS = [
  { key: '', label: 'all' },
  { key: 'me', label: 'mine' },
  { key: 'none', label: 'unassigned' },
] as const;

export function QueueViews({ value, onChange }: { value: string; onChange(assignee: string): void }) {
  const { t } = useTranslation('officers');
  return (
    <div className="tabs" role="tablist" aria-label={t('views.label')} data-testid="queue-views">
      {VIEWS.map((v) => (
        <button
          key={v.label}
          type="button"
          role="tab"
          aria-selected={value === v.key}
          className={`tab ${value === v.key ? 'tab-active' : ''}`}
          onClick={() => onChange(v.key)}
          data-testid={`queue-view-${v.label}`}
        >
          {t(`views.${v.label}`)}
        </button>
      ))}
    </div>
  );
}
