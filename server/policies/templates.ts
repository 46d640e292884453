// Response templates: the staff of a merchant (headquarters and stores) and the officers of a bureau
// keep their organisation's templates; a template is seen only within its organisation (404 outside).
import { role, type Rule } from './rules.js';
import type { Actor } from './actor.js';

const staff = role('merchant', 'regulator');

export const templateRules = {
  'template:list': staff,
  'template:create': staff,
  'template:update': staff,
  'template:delete': staff,
  'template:fill': staff,
} satisfies Record<string, Rule>;

/** A template belongs to the actor's organisation. */
export function ownsTemplate(a: Actor, t: { orgId: unknown }): boolean {
  return !!a.orgId && String(t.orgId) === a.orgId;
}
