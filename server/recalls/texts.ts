// The recall's notice texts, Chinese with English (mail carries both; the in-app title follows the locale).
import type { Notice } from '../mail/templates.js';

const ACTIONS: Record<string, [string, string]> = {
  stop_using: ['立即停止使用', 'stop using it now'],
  return: ['退回', 'return it'],
  repair: ['送修', 'have it repaired'],
  refund: ['申请退款', 'ask for a refund'],
};

interface RecallText {
  product: { name: string; brand?: string | null; model?: string | null };
  consumerActions: string[];
  remedy: string;
  bureauName?: string | null;
}

const label = (r: RecallText) => [r.product.brand, r.product.name, r.product.model].filter(Boolean).join(' ');

/** To a consumer who complained about or returned the product. */
export function consumerNotice(r: RecallText): Notice {
  const zh = r.consumerActions.map((a) => ACTIONS[a]?.[0] ?? a).join('、');
  const en = r.consumerActions.map((a) => ACTIONS[a]?.[1] ?? a).join(', ');
  return {
    title: `产品召回：${label(r)}`,
    titleEn: `Product recall: ${label(r)}`,
    body: `${r.bureauName ?? '市场监督管理局'}发布了您投诉或退货过的产品的召回公告。请${zh}。补救措施：${r.remedy}`,
    bodyEn: `A recall was published for a product you complained about or returned. Please ${en}. Remedy: ${r.remedy}`,
  };
}

/** To a merchant that sold it: take it off sale and acknowledge. */
export function merchantNotice(r: RecallText): Notice {
  return {
    title: `下架通知：${label(r)}（请确认）`,
    titleEn: `Take off sale: ${label(r)} (acknowledge)`,
    body: `${r.bureauName ?? '市场监督管理局'}已发布该产品的召回公告。请立即停止销售、下架在售商品，并在平台上确认。`,
    bodyEn: 'A recall of this product was published. Stop selling it, take it off the shelves and acknowledge on the platform.',
  };
}
