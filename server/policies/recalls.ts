// Recall notices: bureaus publish them and follow their reach; anyone reads them; the consumers and
// merchants they reached read and acknowledge their own notice. Record-level rules (the assigned
// bureau, the recall's regions, one's own notice) are checked per record.
import { anyone, role, type Rule } from './rules.js';

export const recallRules = {
  'recall:publish': role('regulator'),
  'recall:reach': role('regulator', 'admin'),
  'public:recalls': anyone,
  'recall-notice:list': role('consumer', 'merchant'),
  'recall-notice:read': role('consumer'),
  'recall-notice:acknowledge': role('merchant'),
} satisfies Record<string, Rule>;
