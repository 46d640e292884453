import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session';
import { currentLocale } from '../i18n/locale';

/** One click switches between the two languages; the button names the language it switches to. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { setLocale } = useSession();
  const next = currentLocale() === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="button button-ghost language-switch"
      lang={next}
      title={t('language.label')}
      onClick={() => setLocale(next)}
      data-testid="language-switch"
    >
      {t(`language.${next}`)}
    </button>
  );
}
