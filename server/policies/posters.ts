// A store's public page and QR code are for everyone (the poster hangs in the shop); the printable
// poster is its merchant's to print: headquarters for every store, staff for their own (checked on
// the store record with `seesOwnStore`, 404 for another merchant's store).
import { anyone, role, type Rule } from './rules.js';

export const posterRules = {
  'public:stores': anyone,
  'store:poster': role('merchant'),
} satisfies Record<string, Rule>;
