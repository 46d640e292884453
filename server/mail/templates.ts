// Notice texts, Chinese first with English below (mail) or as a second title (in-app, by locale).
import type { PauseReason } from '../../shared/deadlines.js';
import type { Locale } from '../../shared/enums.js';
import { regionName, regionNameBilingual } from '../regions/names.js';
export interface Notice {
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
}

type C = { number: string; productName?: string; merchantName?: string };

const PAUSE_REASON_NAMES: Record<PauseReason, { zh: string; en: string }> = {
  testing: { zh: '检测', en: 'testing' },
  inspection: { zh: '检验', en: 'inspection' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
};
// The command's schema admits only PAUSE_REASONS, so every stored reason has a name.
const pauseReason = (r: string | undefined, locale: Locale) =>
  PAUSE_REASON_NAMES[r as PauseReason]?.[locale === 'en' ? 'en' : 'zh'] ?? r ?? '';

const T: Record<string, (c: C, x: Record<string, string>) => Notice> = {
  filed_consumer: (c) => ({
    title: `投诉 ${c.number} 已提交`,
    titleEn: `Complaint ${c.number} filed`,
    body: `您对${c.merchantName}的投诉已提交，商家须在10个工作日内答复。`,
    bodyEn: `Your complaint against ${c.merchantName} was filed. The merchant has 10 working days to respond.`,
  }),
  filed_merchant: (c) => ({
    title: `收到新投诉 ${c.number}`,
    titleEn: `New complaint ${c.number}`,
    body: `消费者就“${c.productName}”提出投诉，请在10个工作日内答复。`,
    bodyEn: `A consumer complained about "${c.productName}". Please respond within 10 working days.`,
  }),
  filed_urgent: (c) => ({
    title: `紧急投诉 ${c.number}`,
    titleEn: `Urgent complaint ${c.number}`,
    body: `涉及安全事故或重点品类（${c.productName}），请立即关注。`,
    bodyEn: `It concerns a safety incident or a key product category (${c.productName}); please look at it now.`,
  }),
  responded: (c) => ({
    title: `商家已答复投诉 ${c.number}`,
    titleEn: `The merchant responded to ${c.number}`,
    body: `请在7日内接受或拒绝商家的答复；逾期未表态视为接受。`,
    bodyEn: `Please accept or reject the response within 7 days; silence counts as acceptance.`,
  }),
  response_accepted: (c) => ({
    title: `消费者已接受答复 ${c.number}`,
    titleEn: `The consumer accepted your response to ${c.number}`,
    body: `投诉已解决。`,
    bodyEn: `The complaint is resolved.`,
  }),
  response_auto_accepted: (c) => ({
    title: `投诉 ${c.number} 已视为解决`,
    titleEn: `Complaint ${c.number} deemed resolved`,
    body: `消费者7日内未表态，视为接受商家答复。`,
    bodyEn: `The consumer did not reply within 7 days, so the response counts as accepted.`,
  }),
  response_rejected: (c) => ({
    title: `消费者拒绝了答复 ${c.number}`,
    titleEn: `The consumer rejected the response to ${c.number}`,
    body: `投诉已转至市场监管部门。`,
    bodyEn: `The complaint now goes to the market-regulation bureau.`,
  }),
  awaiting_regulator: (c) => ({
    title: `投诉 ${c.number} 待受理`,
    titleEn: `Complaint ${c.number} awaits acceptance`,
    body: `请在7个工作日内决定是否受理。`,
    bodyEn: `Please decide within 7 working days whether to accept it.`,
  }),
  escalated: (c) => ({
    title: `投诉 ${c.number} 已转监管部门`,
    titleEn: `Complaint ${c.number} escalated to the bureau`,
    body: `商家未在10个工作日内答复，投诉已转至市场监管部门。`,
    bodyEn: `The merchant did not respond within 10 working days; the bureau now handles the complaint.`,
  }),
  accepted: (c) => ({
    title: `投诉 ${c.number} 已受理`,
    titleEn: `Complaint ${c.number} accepted`,
    body: `市场监管部门已受理并将组织调解。`,
    bodyEn: `The bureau accepted the complaint and will mediate.`,
  }),
  declined: (c, x) => ({
    title: `投诉 ${c.number} 不予受理`,
    titleEn: `Complaint ${c.number} declined`,
    body: `不予受理理由：${x.reason ?? ''}`,
    bodyEn: `Reason: ${x.reason ?? ''}`,
  }),
  transferred: (c) => ({
    title: `投诉 ${c.number} 已移送`,
    titleEn: `Complaint ${c.number} transferred`,
    body: `投诉已移送至其他辖区的市场监管部门。`,
    bodyEn: `The complaint was transferred to the bureau of another region.`,
  }),
  mediated: (c) => ({
    title: `投诉 ${c.number} 调解成功`,
    titleEn: `Complaint ${c.number} mediated`,
    body: `双方已达成调解协议。`,
    bodyEn: `The parties reached a mediation agreement.`,
  }),
  mediation_failed: (c) => ({
    title: `投诉 ${c.number} 调解未成功`,
    titleEn: `Mediation of ${c.number} failed`,
    body: `调解终止，您可依法通过其他途径解决。`,
    bodyEn: `Mediation ended without agreement; other legal remedies remain open.`,
  }),
  withdrawn: (c) => ({
    title: `投诉 ${c.number} 已撤回`,
    titleEn: `Complaint ${c.number} withdrawn`,
    body: `消费者撤回了投诉。`,
    bodyEn: `The consumer withdrew the complaint.`,
  }),
  message: (c) => ({
    title: `投诉 ${c.number} 有新留言`,
    titleEn: `New message on ${c.number}`,
    body: `请登录查看。`,
    bodyEn: `Sign in to read it.`,
  }),
  merchant_reminder: (c, x) => ({
    title: `投诉 ${c.number} 待答复（已${x.days}个工作日）`,
    titleEn: `Complaint ${c.number} awaits your response (${x.days} working days)`,
    body: `请在截止前答复，逾期将转至市场监管部门。`,
    bodyEn: `Please respond before the deadline, or the bureau takes over.`,
  }),
  acceptance_overdue: (c) => ({
    title: `投诉 ${c.number} 受理已逾期`,
    titleEn: `Acceptance of ${c.number} is overdue`,
    body: `已超过7个工作日受理期限。`,
    bodyEn: `The 7-working-day acceptance period has passed.`,
  }),
  remedy_fulfilled: (c) => ({
    title: `商家已登记履行承诺 ${c.number}`,
    titleEn: `The merchant recorded its remedy for ${c.number}`,
    body: `请查看凭证，确认已收到或提出异议；有异议的投诉将转至市场监管部门。`,
    bodyEn: `Please look at the proof and confirm it or dispute it; a dispute takes the complaint to the bureau.`,
  }),
  remedy_reminder: (c) => ({
    title: `请确认商家是否已履行 ${c.number}`,
    titleEn: `Please confirm the remedy for ${c.number}`,
    body: `商家7天前登记了履行凭证，您尚未确认或提出异议。`,
    bodyEn: `The merchant recorded its remedy 7 days ago; you have neither confirmed nor disputed it.`,
  }),
  remedy_confirmed: (c) => ({
    title: `消费者确认已履行 ${c.number}`,
    titleEn: `The consumer confirmed the remedy for ${c.number}`,
    body: `承诺已兑现。`,
    bodyEn: `The promise is kept.`,
  }),
  remedy_disputed: (c) => ({
    title: `消费者对履行提出异议 ${c.number}`,
    titleEn: `The consumer disputed the remedy for ${c.number}`,
    body: `投诉已连同履行凭证转至市场监管部门。`,
    bodyEn: `The complaint and the proof went to the market-regulation bureau.`,
  }),
  remedy_overdue: (c) => ({
    title: `承诺逾期未履行 ${c.number}`,
    titleEn: `Promised remedy overdue for ${c.number}`,
    body: `商家未在承诺日期前登记履行，投诉已转至市场监管部门。`,
    bodyEn: `The merchant recorded no remedy by the promised date; the complaint went to the bureau.`,
  }),
  deadline_paused: (c, x) => ({
    title: `投诉 ${c.number} 的处理时限已中止`,
    titleEn: `The deadline of complaint ${c.number} is paused`,
    body: `因${pauseReason(x.pauseReason, 'zh-CN')}，时限暂停计算；恢复后顺延，届时另行通知。`,
    bodyEn: `It is paused for ${pauseReason(x.pauseReason, 'en')}; the days of the pause are added when it resumes, and you will be told.`,
  }),
  deadline_resumed: (c, x) => ({
    title: `投诉 ${c.number} 的处理时限已恢复`,
    titleEn: `The deadline of complaint ${c.number} runs again`,
    body: x.due ? `时限已按中止的工作日顺延，现截止于 ${x.due}。` : `时限已按中止的工作日顺延。`,
    bodyEn: x.due ? `It moved by the working days of the pause and is now due on ${x.due}.` : `It moved by the working days of the pause.`,
  }),
  pause_requested: (c, x) => ({
    title: `商家申请中止时限 ${c.number}`,
    titleEn: `The merchant asks to pause the deadline of ${c.number}`,
    body: `申请理由：${pauseReason(x.pauseReason, 'zh-CN')}。请决定中止或驳回。`,
    bodyEn: `Reason: ${pauseReason(x.pauseReason, 'en')}. Please pause the deadline or decline the request.`,
  }),
  pause_declined: (c, x) => ({
    title: `中止时限的申请未获同意 ${c.number}`,
    titleEn: `Your request to pause the deadline of ${c.number} was declined`,
    body: `答复时限继续计算。${x.note ? `说明：${x.note}` : ''}`,
    bodyEn: `The response deadline keeps running.${x.note ? ` Note: ${x.note}` : ''}`,
  }),
  subscribed_filed: (c) => ({
    title: `订阅提醒：新投诉 ${c.number}`,
    titleEn: `Subscription: new complaint ${c.number}`,
    body: `您订阅的范围内有新投诉：${c.merchantName}，“${c.productName}”。`,
    bodyEn: `A new complaint within your subscriptions: ${c.merchantName}, "${c.productName}".`,
  }),
  assigned: (c, x) => ({
    title: `投诉 ${c.number} 已分派给您`,
    titleEn: `Complaint ${c.number} assigned to you`,
    body: `${x.by ?? ''}将关于“${c.productName}”的投诉分派给您处理。`,
    bodyEn: `${x.by ?? ''} assigned you the complaint about "${c.productName}".`,
  }),
};

export function notice(kind: string, c: C, extra: Record<string, string> = {}): Notice {
  const t = T[kind];
  if (!t) throw new Error(`no notice template ${kind}`);
  return t(c, extra);
}

/** A notice as mail: the recipient's language first, the other below it (a mailbox may be shared). */
export function mailText(n: Notice, link: string, locale: Locale = 'zh-CN'): string {
  const zh = `${n.title}\n\n${n.body}`;
  const en = `${n.titleEn}\n\n${n.bodyEn}`;
  const [first, second] = locale === 'en' ? [en, zh] : [zh, en];
  return `${first}\n\n查看 / View: ${link}\n\n—— 放心 Fangxin ——\n\n${second}\n`;
}

const RULES: Record<string, { zh: string; en: string }> = {
  volume: { zh: '投诉集中', en: 'Many complaints' },
  spread: { zh: '跨商家/跨地区', en: 'Many merchants / regions' },
  safety: { zh: '安全事故', en: 'Safety incident' },
  sampling: { zh: '抽检不合格', en: 'Failed sampling' },
  spike: { zh: '异常激增', en: 'Spike' },
};
const rule = (r: string, locale: Locale) => RULES[r]?.[locale === 'en' ? 'en' : 'zh'] ?? r;

interface FlagText {
  isNew: boolean;
  productName: string;
  what: string;
  rules: string[];
  score: number;
  regionCodes: string[];
}

/** The in-app notice of a new or escalated problem-product flag: rules and regions by name. */
export function flagNotice(f: FlagText): Notice {
  const lines = (locale: Locale) =>
    `${f.rules.map((r) => rule(r, locale)).join(locale === 'en' ? '; ' : '；')} · ${f.regionCodes.map((c) => regionName(c, locale)).join(locale === 'en' ? ', ' : '、')}`;
  return {
    title: `${f.isNew ? '问题产品预警' : '问题产品预警升级'}：${f.what}`,
    titleEn: `${f.isNew ? 'Problem-product flag' : 'Flag escalated'}: ${f.what}`,
    body: lines('zh-CN'),
    bodyEn: lines('en'),
  };
}

/** The mail to a bureau about a new or escalated problem-product flag: its evidence line by line. */
export function flagMailText(f: FlagText & { link: string }): string {
  return [
    `${f.isNew ? '新的问题产品预警' : '预警证据增加'} / ${f.isNew ? 'New problem-product flag' : 'Flag escalated'}`,
    `产品 Product: ${f.productName}${f.what !== f.productName ? ` (${f.what})` : ''}`,
    `触发规则 Rules: ${f.rules.map((r) => `${rule(r, 'zh-CN')} ${rule(r, 'en')}`).join('; ')}`,
    `评分 Score: ${f.score}`,
    `地区 Regions: ${f.regionCodes.map(regionNameBilingual).join('; ')}`,
    `详情 Details: ${f.link}`,
  ].join('\n');
}
