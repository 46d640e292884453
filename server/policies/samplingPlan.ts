// The risk-based sampling plan (issue #12 item 4) is a bureau's own work: each reads and adjusts the
// plan of its region only (the command reads the row keyed by the actor's region; nothing else is named).
import { role, type Rule } from './rules.js';

export const samplingPlanRules = {
  'sampling-plan:read': role('regulator'),
  'sampling-plan:adjust': role('regulator'),
  'sampling-plan:export': role('regulator'),
} satisfies Record<string, Rule>;
