// Incident reports and post-sampling follow-ups. Merchants report incidents (as sellers or producers)
// and read their own; bureaus read those of their region. A follow-up is read by the bureaus over its
// sampling region and by its producer's merchant; record-level rules (the region, one's own merchant)
// are checked per record (server/policies/rules.ts canSee).
import { role, type Rule } from './rules.js';

export const safetyRules = {
  'incident:report': role('merchant'),
  'incident:list': role('merchant', 'regulator', 'admin'),
  'incident:read': role('merchant', 'regulator', 'admin'),
  'follow-up:list': role('merchant', 'regulator', 'admin'),
  'follow-up:read': role('merchant', 'regulator', 'admin'),
  'follow-up:figures': role('regulator', 'admin'),
  'follow-up:report': role('merchant', 'regulator'),
  'follow-up:resample': role('regulator'),
} satisfies Record<string, Rule>;
