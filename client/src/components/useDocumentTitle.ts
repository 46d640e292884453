import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<title> · 放心 Fangxin" in the browser tab while the page is shown. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = `${t('product.name')} ${t('product.latin')}`;
  useEffect(() => {
    document.title = `${title} · ${product}`;
  }, [title, product]);
}
