import { useTranslation } from 'react-i18next';

/** "共 N 条" above a list: every match of its filter, not only the rows of this page. */
export function ResultCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <p className="muted list-count" data-testid="result-count" data-count={count}>
      {t('resultCount', { count })}
    </p>
  );
}
