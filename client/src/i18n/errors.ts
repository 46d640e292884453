import { ApiError } from '../api/client';
import { i18n } from './index';

/** A sentence for the user about a failed request; specific forms handle the codes they expect first. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('errors.generic', { ns: 'common', message: String(error) });
  if (error.status === 0) return i18n.t('errors.network', { ns: 'common' });
  switch (error.status) {
    case 401:
      return i18n.t('errors.unauthenticated', { ns: 'common' });
    case 403:
      return i18n.t('errors.forbidden', { ns: 'common' });
    case 404:
      return i18n.t('errors.notFound', { ns: 'common' });
    case 409:
      return i18n.t('errors.conflict', { ns: 'common' });
    case 429:
      return i18n.t('errors.rateLimited', { ns: 'common' });
    case 502:
    case 503:
    case 504:
      return i18n.t('errors.unavailable', { ns: 'common' });
    default:
      return i18n.t('errors.generic', { ns: 'common', message: error.message });
  }
}
