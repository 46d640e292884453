// Public complaint disclosure: the published records are for everyone, signed in or not. The
// merchant's one public comment is a complaint transition (complaint:transition, the merchant party).
import { anyone, type Rule } from './rules.js';

export const disclosureRules = {
  'public:complaints': anyone,
} satisfies Record<string, Rule>;
