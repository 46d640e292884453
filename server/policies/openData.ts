// Open data: the published complaints, their figures and the nightly files are for everyone, signed
// in or not; the 'open-data' abuse limit (server/http/rateLimit.ts) keeps one address from taking the
// API for itself.
import { anyone, type Rule } from './rules.js';

export const openDataRules = {
  'open-data:read': anyone,
} satisfies Record<string, Rule>;
