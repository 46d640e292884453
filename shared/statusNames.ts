// A complaint status as people read it, in both languages: the pages and the printable record say the same.
import type { ComplaintStatus, Locale } from './enums.js';

export const STATUS_NAMES: Record<Locale, Record<ComplaintStatus, string>> = {
  'zh-CN': {
    awaiting_merchant: '待商家答复',
    merchant_responded: '商家已答复',
    awaiting_regulator: '待监管受理',
    in_mediation: '调解中',
    resolved: '已和解',
    mediated: '调解成功',
    mediation_failed: '调解失败',
    declined: '不予受理',
    withdrawn: '已撤回',
  },
  en: {
    awaiting_merchant: 'Awaiting merchant',
    merchant_responded: 'Merchant responded',
    awaiting_regulator: 'Awaiting regulator',
    in_mediation: 'In mediation',
    resolved: 'Resolved',
    mediated: 'Mediated',
    mediation_failed: 'Mediation failed',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
  },
};
