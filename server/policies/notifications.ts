// Notification settings: every signed-in user chooses how they hear of each kind of event; only
// regulators subscribe beyond their jurisdiction (what they then hear of is a notice, not access).
import { role, signedIn, type Rule } from './rules.js';

export const notificationRules = {
  'notify:settings-read': signedIn,
  'notify:settings-write': signedIn,
  'notify:subscribe': role('regulator'),
} satisfies Record<string, Rule>;
