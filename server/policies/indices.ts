// The public rankings are everyone's, like the merchants' public profiles they link to.
import { anyone, type Rule } from './rules.js';

export const indexRules = {
  'public:rankings': anyone,
} satisfies Record<string, Rule>;
