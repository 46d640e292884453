import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES } from '../../../shared/enums';
import { messages as common } from './common';
import type { Messages } from './messages';
import { storedLocale } from './locale';

void i18n.use(initReactI18next).init({
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LOCALES],
  ns: ['common'],
  defaultNS: 'common',
  // Feature namespaces may use shell strings (actions, states, validation) without a prefix.
  fallbackNS: 'common',
  resources: {},
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** Adds (or extends) a namespace in every locale. */
export function registerMessages(namespace: string, messages: Messages): void {
  for (const locale of LOCALES) i18n.addResourceBundle(locale, namespace, messages[locale], true, true);
}

registerMessages('common', common);

// Each features/<name>/i18n.ts becomes namespace <name>, so adding a feature edits no shared file.
const features = import.meta.glob<Messages>('../features/*/i18n.ts', { eager: true, import: 'messages' });
for (const [path, messages] of Object.entries(features)) {
  const namespace = path.split('/').at(-2);
  if (namespace) registerMessages(namespace, messages);
}

export { i18n };
