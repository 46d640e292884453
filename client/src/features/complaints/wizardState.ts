// The filing wizard's draft, turned into the API body and checked with the shared schema step by step,
// so the browser says what the server would refuse before anything is sent.
import { createComplaintSchema, type CreateComplaintInput } from '../../../../shared/schemas/complaint';
import type { Category, DemandType, ProblemType, SafetyKind } from '../../../../shared/enums';
import { fieldErrorsFromIssues, type FieldErrors, type FieldMessageKeys } from '../../components/form/fieldErrors';
import type { Store } from './api';
import { todayInShanghai } from './api';
import { yuanToFen } from './money';

export interface Draft {
  store: Store | null;
  product: { name: string; category: Category | ''; gtin: string; brand: string; model: string; batch: string };
  purchase: { date: string; amount: string; channel: 'in_store' | 'online'; orderRef: string };
  problemType: ProblemType | '';
  description: string;
  demand: { type: DemandType; amount: string };
  hasSafetyIncident: boolean;
  safetyIncident: { kind: SafetyKind; injured: boolean; description: string };
  contactAgreement: boolean;
  files: File[];
}

export const emptyDraft = (): Draft => ({
  store: null,
  product: { name: '', category: '', gtin: '', brand: '', model: '', batch: '' },
  purchase: { date: todayInShanghai(), amount: '', channel: 'in_store', orderRef: '' },
  problemType: '',
  description: '',
  demand: { type: 'refund', amount: '' },
  hasSafetyIncident: false,
  safetyIncident: { kind: 'fire', injured: false, description: '' },
  contactAgreement: false,
  files: [],
});

export const STEPS = ['store', 'product', 'purchase', 'problem', 'confirm'] as const;
export type Step = (typeof STEPS)[number];

/** The body's top-level fields each step fills in. */
const STEP_FIELDS: Record<Step, readonly string[]> = {
  store: ['storeId'],
  product: ['product'],
  purchase: ['purchase'],
  problem: ['problemType', 'description', 'demand', 'safetyIncident'],
  confirm: ['contactAgreement'],
};

const MESSAGES: FieldMessageKeys = {
  storeId: 'complaints:wizard.chooseStore',
  'product.category': 'validation.required',
  problemType: 'validation.required',
  'product.gtin': 'complaints:wizard.gtinInvalid',
  'purchase.amountFen': 'complaints:wizard.amountInvalid',
  'purchase.date': 'complaints:wizard.futureDate',
  'demand.amountFen': 'complaints:wizard.amountInvalid',
};

const opt = (s: string) => (s.trim() ? s.trim() : undefined);
/** Empty stays absent (a required-field message); a malformed amount becomes NaN, which the schema refuses. */
const fen = (s: string) => (s.trim() ? (yuanToFen(s) ?? Number.NaN) : undefined);

export function toBody(d: Draft): unknown {
  return {
    storeId: d.store?.id,
    product: {
      name: d.product.name.trim(),
      category: d.product.category || undefined,
      gtin: opt(d.product.gtin),
      brand: opt(d.product.brand),
      model: opt(d.product.model),
      batch: opt(d.product.batch),
    },
    purchase: {
      date: d.purchase.date || undefined,
      amountFen: fen(d.purchase.amount),
      channel: d.purchase.channel,
      orderRef: opt(d.purchase.orderRef),
    },
    problemType: d.problemType || undefined,
    description: d.description.trim(),
    demand: { type: d.demand.type, amountFen: fen(d.demand.amount) },
    safetyIncident: d.hasSafetyIncident ? { ...d.safetyIncident, description: d.safetyIncident.description.trim() } : undefined,
    contactAgreement: d.contactAgreement,
  };
}

/** Errors of the given steps' fields, keyed by dotted path (`product.gtin`). */
export function validate(d: Draft, steps: readonly Step[]): { errors: FieldErrors; body?: CreateComplaintInput } {
  const r = createComplaintSchema.safeParse(toBody(d));
  if (r.success) return { errors: {}, body: r.data };
  const fields = steps.flatMap((s) => STEP_FIELDS[s]);
  const issues = r.error.issues.filter((i) => fields.includes(String(i.path[0])));
  return { errors: fieldErrorsFromIssues(issues, MESSAGES) };
}
