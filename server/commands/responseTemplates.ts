// An organisation's response templates (shared/schemas/templates.ts): listing, saving, editing and
// deleting them, and filling one for a complaint with what the viewer may see of it.
import {
  fillPlaceholders,
  TEMPLATE_LIMIT,
  type FilledTemplate,
  type TemplateInput,
  type TemplatePlaceholder,
} from '../../shared/schemas/templates.js';
import { now } from '../clock.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ResponseTemplateModel, type ResponseTemplateRecord } from '../models/ResponseTemplate.js';
import { UserModel } from '../models/User.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { complaintScope } from '../policies/complaints.js';
import { ownsTemplate } from '../policies/templates.js';
import { identities, presentComplaint } from '../presenters/complaint.js';
import { firstWriter } from '../db/firstWriter.js';

function orgOf(actor: Actor): string {
  if (!actor.orgId) throw unprocessable('no_organisation', 'Templates belong to an organisation, and this account has none');
  return actor.orgId;
}

/** The organisation's templates by name: one equality read on the (orgId, name) index. */
export function listTemplates(actor: Actor): Promise<ResponseTemplateRecord[]> {
  if (!actor.orgId) return Promise.resolve([]);
  return ResponseTemplateModel.find({ orgId: actor.orgId }).sort({ name: 1 }).limit(TEMPLATE_LIMIT).lean<ResponseTemplateRecord[]>();
}

async function loadOwn(actor: Actor, id: string): Promise<ResponseTemplateRecord> {
  const t = await ResponseTemplateModel.findById(id).lean<ResponseTemplateRecord>();
  if (!t || !ownsTemplate(actor, t)) throw notFound('Template');
  return t;
}

const duplicateName = () => conflict('duplicate_name', 'Your organisation already has a template of this name');

async function author(actor: Actor) {
  const u = await UserModel.findById(actor.id, { name: 1 }).lean();
  return { updatedById: actor.id, updatedByName: u?.name ?? '', updatedAt: now() };
}

export async function createTemplate(actor: Actor, input: TemplateInput): Promise<ResponseTemplateRecord> {
  const orgId = orgOf(actor);
  if ((await ResponseTemplateModel.countDocuments({ orgId })) >= TEMPLATE_LIMIT)
    throw unprocessable('too_many_templates', `At most ${TEMPLATE_LIMIT} templates per organisation`);
  const t = new ResponseTemplateModel({ orgId, ...input, ...(await author(actor)) });
  if (!(await firstWriter(t.save()))) throw duplicateName();
  return t.toObject() as ResponseTemplateRecord;
}

export async function updateTemplate(actor: Actor, id: string, input: TemplateInput): Promise<ResponseTemplateRecord> {
  const t = await loadOwn(actor, id);
  const changes = { ...input, ...(await author(actor)) };
  if (!(await firstWriter(ResponseTemplateModel.updateOne({ _id: t._id }, { $set: changes })))) throw duplicateName();
  return { ...t, ...changes } as unknown as ResponseTemplateRecord;
}

export async function deleteTemplate(actor: Actor, id: string): Promise<void> {
  const t = await loadOwn(actor, id);
  await ResponseTemplateModel.deleteOne({ _id: t._id });
}

const shanghaiMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Neutral words for what the viewer may not see, in the viewer's language. */
const NEUTRAL = { 'zh-CN': { consumerName: '消费者', none: '—' }, en: { consumerName: 'the consumer', none: '—' } } as const;

/**
 * The template's text for one complaint, filled from the complaint as presented to the viewer (the
 * same whitelist as its page): the consumer's name only where the page would show it.
 */
export async function fillTemplate(actor: Actor, id: string, complaintId: string): Promise<FilledTemplate> {
  const t = await loadOwn(actor, id);
  const c = (await ComplaintModel.findById(complaintId).lean()) as ComplaintRecord | null;
  authorizeVisible(actor, c ? complaintScope(c) : null, 'Complaint');
  const [shown, me] = await Promise.all([
    identities([c!], actor).then((who) => presentComplaint(c!, actor, who)),
    UserModel.findById(actor.id, { locale: 1 }).lean(),
  ]);
  const neutral = NEUTRAL[me?.locale === 'en' ? 'en' : 'zh-CN'];
  const withheld: TemplatePlaceholder[] = shown.consumer ? [] : ['consumerName'];
  const due = shown.deadlines.current?.dueAt;
  const text = fillPlaceholders(t.body, {
    consumerName: shown.consumer?.name ?? neutral.consumerName,
    product: shown.product.name,
    number: shown.number,
    merchant: shown.merchantName,
    deadline: due ? shanghaiMinute.format(new Date(due)) : neutral.none,
  });
  return { text, withheld: withheld.filter((p) => t.body.includes(`{${p}}`)) };
}
