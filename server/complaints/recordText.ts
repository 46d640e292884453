// The words of a complaint's printable record, in the reader's language (Chinese by default).
import type { Action } from '../../shared/complaintMachine.js';
import type { DeadlineEvent } from '../../shared/deadlines.js';
import type { ComplaintStatus, Locale } from '../../shared/enums.js';
import { STATUS_NAMES } from '../../shared/statusNames.js';

interface RecordText {
  title: string;
  number: string;
  printedAt: string;
  facts: string;
  status: string;
  filed: string;
  merchant: string;
  store: string;
  region: string;
  product: string;
  purchase: string;
  description: string;
  demand: string;
  consumer: string;
  consumerHidden: string;
  timeline: string;
  messages: string;
  noMessages: string;
  response: string;
  messageToConsumer: string;
  noteToRegulator: string;
  outcome: string;
  agreement: string;
  reason: string;
  evidence: string;
  noEvidence: string;
  statuses: Record<ComplaintStatus, string>;
  actions: Record<Action | DeadlineEvent, string>;
  parties: Record<string, string>;
}

const zh: RecordText = {
  title: '消费投诉记录',
  number: '投诉编号',
  printedAt: '打印时间',
  facts: '基本情况',
  status: '状态',
  filed: '提交时间',
  merchant: '商家',
  store: '门店',
  region: '管辖区划',
  product: '商品',
  purchase: '购买',
  description: '投诉内容',
  demand: '诉求',
  consumer: '消费者',
  consumerHidden: '消费者未同意向商家公开身份',
  timeline: '处理经过',
  messages: '沟通记录',
  noMessages: '无',
  response: '商家答复',
  messageToConsumer: '致消费者',
  noteToRegulator: '致监管部门',
  outcome: '处理结果',
  agreement: '调解书（调解协议）',
  reason: '理由',
  evidence: '证据材料',
  noEvidence: '无',
  statuses: STATUS_NAMES['zh-CN'],
  actions: {
    file: '提交投诉',
    respond: '商家答复',
    accept_response: '消费者接受答复',
    reject_response: '消费者不接受答复',
    accept: '监管部门受理',
    decline: '监管部门不予受理',
    transfer: '移送其他辖区',
    mediation_succeeded: '调解成功',
    mediation_failed: '调解失败',
    withdraw: '消费者撤回',
    rate: '消费者评价',
    redirect: '改投其他门店',
    escalate: '逾期转监管部门',
    auto_accept: '逾期视为接受',
    mediation_expired: '调解期满',
    record_fulfilment: '商家登记履行',
    confirm_remedy: '消费者确认已履行',
    dispute_remedy: '消费者对履行有异议',
    remedy_reminder: '提醒消费者确认履行',
    remedy_overdue: '承诺逾期未履行',
    comment_publicly: '商家发表公开说明',
    disclose: '投诉公示',
    request_pause: '商家申请暂停期限',
    pause_deadline: '期限暂停计时（检测、检验、鉴定）',
    resume_deadline: '期限恢复计时',
    decline_pause_request: '监管部门不同意暂停',
  },
  parties: { consumer: '消费者', merchant: '商家', regulator: '监管部门', admin: '管理员', system: '系统' },
};

const en: RecordText = {
  title: 'Consumer complaint record',
  number: 'Complaint number',
  printedAt: 'Printed',
  facts: 'Facts',
  status: 'Status',
  filed: 'Filed',
  merchant: 'Merchant',
  store: 'Store',
  region: 'County',
  product: 'Product',
  purchase: 'Purchase',
  description: 'Complaint',
  demand: 'Demand',
  consumer: 'Consumer',
  consumerHidden: 'The consumer did not agree to show their identity to the merchant',
  timeline: 'Timeline',
  messages: 'Messages',
  noMessages: 'None',
  response: "Merchant's response",
  messageToConsumer: 'To the consumer',
  noteToRegulator: 'To the bureau',
  outcome: 'Outcome',
  agreement: 'Mediation agreement (调解书)',
  reason: 'Reason',
  evidence: 'Evidence',
  noEvidence: 'None',
  statuses: STATUS_NAMES.en,
  actions: {
    file: 'Filed',
    respond: 'Merchant responded',
    accept_response: 'Consumer accepted the response',
    reject_response: 'Consumer rejected the response',
    accept: 'Bureau accepted',
    decline: 'Bureau declined',
    transfer: 'Transferred to another region',
    mediation_succeeded: 'Mediation succeeded',
    mediation_failed: 'Mediation failed',
    withdraw: 'Consumer withdrew',
    rate: 'Consumer rated',
    redirect: 'Redirected to another store',
    escalate: 'Escalated to the bureau',
    auto_accept: 'Accepted by silence',
    mediation_expired: 'Mediation period ended',
    record_fulfilment: 'Merchant recorded the remedy',
    confirm_remedy: 'Consumer confirmed the remedy',
    dispute_remedy: 'Consumer disputed the remedy',
    remedy_reminder: 'Consumer reminded to confirm',
    remedy_overdue: 'Promised remedy overdue',
    comment_publicly: 'Merchant added a public comment',
    disclose: 'Complaint published',
    request_pause: 'Merchant asked to pause the deadline',
    pause_deadline: 'Deadline paused (testing, inspection or appraisal)',
    resume_deadline: 'Deadline resumed',
    decline_pause_request: 'Bureau refused the pause',
  },
  parties: { consumer: 'Consumer', merchant: 'Merchant', regulator: 'Bureau', admin: 'Admin', system: 'System' },
};

export const recordText = (locale: Locale): RecordText => (locale === 'en' ? en : zh);
