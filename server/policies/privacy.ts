// A consumer's own data (PIPL): only the consumer downloads it, reads who saw it and closes the account.
import { role, type Rule } from './rules.js';

export const privacyRules = {
  'privacy:download': role('consumer'),
  'privacy:access-log': role('consumer'),
  'privacy:close': role('consumer'),
} satisfies Record<string, Rule>;
