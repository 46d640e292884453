// The consumer's own choice whether the merchant may see their name and phone on the complaint a
// breach of the return opens; unticked by default.
import { useTranslation } from 'react-i18next';

export function ConsentCheckbox({ id, checked, onChange }: { id: string; checked: boolean; onChange(v: boolean): void }) {
  const { t } = useTranslation('returns');
  return (
    <label className="checkbox" htmlFor={id}>
      <input id={id} data-testid={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {t('mine.consent')}
    </label>
  );
}
