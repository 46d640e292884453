// Credit inputs and their contests: the merchant's headquarters sees its inputs and contests one (store
// staff do not speak for the merchant's credit); the bureaus read contests of their region and the one
// over the complaint's handling region decides (checked per record: server/credit/contests.ts).
import { hqMerchant, role, type Rule } from './rules.js';

const hqOrBureau: Rule = (a) => hqMerchant(a) || role('regulator', 'admin')(a);

export const creditRules = {
  'credit-input:list': hqMerchant,
  'credit-contest:create': hqMerchant,
  'credit-contest:list': hqOrBureau,
  'credit-contest:read': hqOrBureau,
  'credit-contest:decide': role('regulator'),
} satisfies Record<string, Rule>;
