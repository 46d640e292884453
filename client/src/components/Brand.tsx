import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function Brand({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="brand" data-testid="brand">
      <span className="brand-mark" aria-hidden="true">
        放
      </span>
      <span className="brand-name">{t('product.name')}</span>
      <span className="brand-latin">{t('product.latin')}</span>
    </Link>
  );
}
