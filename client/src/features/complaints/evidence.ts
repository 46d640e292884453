import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../../shared/schemas/complaint';
import { i18n } from '../../i18n';

/** Why a file cannot be evidence (the server checks the bytes again), or null when it may be sent. */
export function evidenceProblem(file: File): string | null {
  const t = (key: string) => i18n.t(key, { ns: 'complaints', name: file.name });
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return t('attachments.wrongType');
  if (file.size > ATTACHMENT_MAX_BYTES) return t('attachments.tooLarge');
  return null;
}

export const EVIDENCE_ACCEPT = ATTACHMENT_TYPES.join(',');

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
