import i18n from 'i18next';
import { LOCALES, type Locale } from '../../../shared/enums';

const KEY = 'fangxin.locale';

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The language chosen on this browser; Chinese unless someone picked otherwise. */
export function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(KEY);
    return isLocale(v) ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switches the UI language and remembers it on this browser (also after sign-out). */
export function applyLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  void i18n.changeLanguage(locale);
}
