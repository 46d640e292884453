// On the 门店 page: the store's QR code and its printable poster (PDF, PNG), and its public page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { posterUrl, qrUrl } from './api';
import './posters.css';

export function PosterLinks({ storeId, storeName }: { storeId: string; storeName: string }) {
  const { t } = useTranslation('posters');
  return (
    <details className="poster-links" data-testid="store-poster">
      <summary>{t('poster.title')}</summary>
      <div className="poster-links-body">
        <img src={qrUrl(storeId)} alt={t('poster.qrAlt', { store: storeName })} width={120} height={120} loading="lazy" />
        <div>
          <p className="muted">{t('poster.hint')}</p>
          <div className="button-row">
            <a className="button" href={posterUrl(storeId, 'pdf')} data-testid="store-poster-pdf">
              {t('poster.pdf')}
            </a>
            <a className="button" href={posterUrl(storeId, 'png')} data-testid="store-poster-png">
              {t('poster.png')}
            </a>
            <Link to={`/public/stores/${storeId}`} data-testid="store-public-page">
              {t('poster.open')}
            </Link>
          </div>
        </div>
      </div>
    </details>
  );
}
